namespace PaperBot.Core.Http;

/// <summary>The one reader of the HTTP Retry-After header (seconds or an HTTP date), for every platform client.</summary>
public static class RetryAfterHeader
{
    /// <summary>How long the server asked to wait; a date in the past is zero; null when it did not say.</summary>
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
