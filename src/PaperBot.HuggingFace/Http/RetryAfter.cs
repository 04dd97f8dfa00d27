namespace PaperBot.HuggingFace.Http;

/// <summary>Reads the Retry-After header (seconds or an HTTP date).</summary>
internal static class RetryAfter
{
    /// <summary>
    /// The longest Retry-After PaperBot waits inside one fetch. Under hub-wide rate limits Hugging Face
    /// may ask for much longer; the fetch then gives up and the next poll tries again, instead of
    /// stalling the poller for an hour.
    /// </summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider time)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public static bool IsBeyondCap(HttpResponseMessage? response, TimeProvider time) => Read(response, time) > Cap;
}
