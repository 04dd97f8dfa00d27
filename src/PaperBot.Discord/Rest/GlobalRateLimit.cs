namespace PaperBot.Discord.Rest;

/// <summary>
/// Discord's bot-wide limit of 50 requests a second, kept as an even pace (one request every 20 ms, with bursts of
/// up to <see cref="Burst"/> after a quiet spell) rather than 50 at the top of each second: a burst of 50 racing a
/// server-side window is what trips global 429s, an even pace never fills it. Nothing at all is sent while a global
/// 429 lasts.
/// </summary>
internal sealed class GlobalRateLimit(TimeProvider time)
{
    public const int PerSecond = 50;

    /// <summary>Requests that may go at once after a quiet spell (well under Discord's 50, so the pace has margin).</summary>
    public const int Burst = 10;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.0 / PerSecond);
    private static readonly TimeSpan Tolerance = Interval * (Burst - 1);

    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>When the next request would be on pace (the generic cell rate algorithm's theoretical arrival time).</summary>
    private DateTimeOffset _nextOnPace = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var onPace = _nextOnPace > now ? _nextOnPace : now;
                var earliest = onPace - Tolerance;
                if (_blockedUntil > earliest)
                {
                    earliest = _blockedUntil;
                }

                if (earliest <= now)
                {
                    _nextOnPace = onPace + Interval;
                    return;
                }

                wait = earliest - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Block(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            _blockedUntil = until > _blockedUntil ? until : _blockedUntil;
        }
    }
}
