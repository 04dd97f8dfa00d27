namespace PaperBot.Core.Outbox;

/// <summary>Exponential backoff with jitter; a platform's own Retry-After wins.</summary>
public static class RetryDelay
{
    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public static TimeSpan Next(int attempt, TimeSpan? retryAfter, DeliveryOptions options, Random random)
    {
        if (retryAfter is { } told && told > TimeSpan.Zero)
        {
            return told;
        }

        var exponential = options.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalSeconds);

        // Full jitter between half and all of the delay: retries of many channels do not arrive in lockstep.
        return TimeSpan.FromSeconds(capped * (0.5 + (random.NextDouble() / 2)));
    }
}
