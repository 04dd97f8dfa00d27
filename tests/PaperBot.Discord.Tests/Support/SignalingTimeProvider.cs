using Microsoft.Extensions.Time.Testing;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code starts waiting (creates a timer) and for how
/// long, so a test can advance time exactly when the code waits, with no sleeping and no races.
/// </summary>
internal sealed class SignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public SignalingTimeProvider()
        : this(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                var waiter = _waiters.FirstOrDefault(w => w.Match(dueTime));
                if (waiter.Signal is not null)
                {
                    _waiters.Remove(waiter);
                    waiter.Signal.TrySetResult(dueTime);
                }
                else
                {
                    _unclaimed.Add(dueTime);
                }
            }
        }

        return timer;
    }

    /// <summary>Waits until code creates a timer whose due time matches (or finds one created earlier and not yet claimed).</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, TimeSpan? timeout = null)
    {
        TaskCompletionSource<TimeSpan> signal;
        lock (_gate)
        {
            var index = _unclaimed.FindIndex(d => match(d));
            if (index >= 0)
            {
                var due = _unclaimed[index];
                _unclaimed.RemoveAt(index);
                return due;
            }

            signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
        }

        try
        {
            return await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The code under test never started the expected wait (timer).");
        }
    }

    /// <summary>Waits for a timer of exactly <paramref name="dueTime"/>.</summary>
    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime) => WaitForTimerAsync(d => d == dueTime);
}
