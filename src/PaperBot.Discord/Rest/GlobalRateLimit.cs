namespace PaperBot.Discord.Rest;

/// <summary>
/// Discord's bot-wide limit of 50 requests a second, kept as an even pace (one request every 20 ms, with bursts of
/// up to <see cref="Burst"/> after a quiet spell) rather than 50 at the top of each second: a burst of 50 racing a
/// server-side window is what trips global 429s, an even pace never fills it. Nothing at all is sent while a global
/// 429 lasts. Requests of lower priority (save-hint reactions) use only the spare capacity: they wait while any
/// ordinary request is waiting, and run at most one interval ahead of the pace (never into the burst), so posts
/// keep the whole 50 a second.
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

    /// <summary>Ordinary requests waiting now, and a task that completes when there are none (under <see cref="_gate"/>).</summary>
    private int _waiting;
    private TaskCompletionSource _noneWaiting = Completed();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_waiting++ == 0)
            {
                _noneWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        try
        {
            while (TryTake(Tolerance, spare: false) is { } wait)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (--_waiting == 0)
                {
                    _noneWaiting.TrySetResult();
                }
            }
        }
    }

    /// <summary>Waits for a turn that no ordinary request wants: none is waiting and the pace has room without a burst.</summary>
    public async Task WaitForSpareAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task idle;
            lock (_gate)
            {
                idle = _noneWaiting.Task;
            }

            if (!idle.IsCompleted)
            {
                await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (TryTake(Interval, spare: true) is not { } wait)
            {
                return;
            }

            if (wait == TimeSpan.Zero)
            {
                // An ordinary request arrived meanwhile: wait for it to be served first.
                continue;
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

    /// <summary>Takes a turn if one is free within <paramref name="tolerance"/> of the pace; otherwise how long to wait.</summary>
    private TimeSpan? TryTake(TimeSpan tolerance, bool spare)
    {
        lock (_gate)
        {
            if (spare && _waiting > 0)
            {
                return TimeSpan.Zero;
            }

            var now = time.GetUtcNow();
            var onPace = _nextOnPace > now ? _nextOnPace : now;
            var earliest = onPace - tolerance;
            if (_blockedUntil > earliest)
            {
                earliest = _blockedUntil;
            }

            if (earliest <= now)
            {
                _nextOnPace = onPace + Interval;
                return null;
            }

            return earliest - now;
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
