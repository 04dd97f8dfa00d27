using Microsoft.Extensions.Time.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code starts waiting on it (creates a timer) and for how
/// long, so a test can advance time exactly when the code waits: no sleeping, no polling, no races.
/// Two ways to wait: <see cref="WaitForTimerAsync(Func{TimeSpan, bool}, TimeSpan?)"/> claims one matching timer (each
/// timer satisfies one wait), <see cref="WaitForTimerAsync(TimeSpan, int)"/> counts every timer of a due time so far.
/// </summary>
public sealed class SignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _timers = [];
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public SignalingTimeProvider()
        : this(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Pulsed each time a timer is created.</summary>
    public Signal TimerCreated { get; } = new();

    /// <summary>Due times of every timer created so far.</summary>
    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _timers.Add(dueTime);
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

        TimerCreated.Pulse();
        return timer;
    }

    /// <summary>Waits until code creates a timer whose due time matches (or takes one created earlier and not yet claimed).</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
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

    /// <summary>Claims a timer of exactly <paramref name="dueTime"/>.</summary>
    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime) => WaitForTimerAsync(d => d == dueTime);

    /// <summary>Waits until more than <paramref name="skip"/> timers of this due time have been created, claimed or not.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int skip) =>
        TimerCreated.WaitAsync(() => Timers.Count(t => t == dueTime) > skip, $"a wait of {dueTime} on the clock; saw [{string.Join(", ", Timers)}]");
}
