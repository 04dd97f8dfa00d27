namespace PaperBot.HuggingFace.Http;

/// <summary>The listing's Retry-After policy: the shared header reader, and how long a fetch is willing to wait.</summary>
internal static class RetryAfter
{
    /// <summary>
    /// The longest Retry-After PaperBot waits inside one fetch. Under hub-wide rate limits Hugging Face
    /// may ask for much longer; the fetch then gives up and the next poll tries again, instead of
    /// stalling the poller for an hour.
    /// </summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider time) =>
        Core.Http.RetryAfterHeader.Wait(response?.Headers.RetryAfter?.Delta, response?.Headers.RetryAfter?.Date, time);

    public static bool IsBeyondCap(HttpResponseMessage? response, TimeProvider time) => Read(response, time) > Cap;
}
