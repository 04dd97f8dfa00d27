using Microsoft.Extensions.Time.Testing;

namespace PaperBot.Slack.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code starts waiting on it (a timer is created), so a
/// test can advance time exactly when something waits: no sleeping, no polling.
/// </summary>
public sealed class SignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _timers = [];

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
        lock (_gate)
        {
            _timers.Add(dueTime);
        }

        TimerCreated.Pulse();
        return timer;
    }

    /// <summary>Waits until a timer with this due time exists (beyond the first <paramref name="skip"/> such timers).</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int skip = 0) =>
        TimerCreated.WaitAsync(() => Timers.Count(t => t == dueTime) > skip, $"a wait of {dueTime} on the clock; saw [{string.Join(", ", Timers)}]");
}
