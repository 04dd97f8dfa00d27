namespace PaperBot.Discord.Rest;

/// <summary>Discord's bot-wide limit: at most 50 requests a second, and nothing at all while a global 429 lasts.</summary>
internal sealed class GlobalRateLimit(TimeProvider time)
{
    public const int PerSecond = 50;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _windowCount;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (now >= _windowStart + Window)
                {
                    _windowStart = now;
                    _windowCount = 0;
                }

                var until = _blockedUntil;
                if (_windowCount >= PerSecond && _windowStart + Window > until)
                {
                    until = _windowStart + Window;
                }

                if (until <= now)
                {
                    _windowCount++;
                    return;
                }

                wait = until - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Block(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _blockedUntil = time.GetUtcNow() + retryAfter;
        }
    }
}
