namespace PaperBot.Core.Http;

/// <summary>
/// The one reading of an HTTP Retry-After header (seconds or an HTTP date) for every platform client. It takes the
/// header's two parsed forms (<c>response.Headers.RetryAfter?.Delta</c> and <c>?.Date</c>), so Core needs no HTTP stack.
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>How long the server asked to wait; a date in the past is zero; null when it did not say.</summary>
    public static TimeSpan? Wait(TimeSpan? delta, DateTimeOffset? date, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var wait = delta ?? (date is { } at ? at - time.GetUtcNow() : null);
        return wait is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
