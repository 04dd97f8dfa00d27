using PaperBot.Testing;
using PaperBot.Slack.Tests.Support;

namespace PaperBot.Slack.Tests.Outbox;

/// <summary>
/// Moves the bot's fake clock on whenever code starts waiting on it, by as long as the longest new wait, so
/// waits on the clock (the per-channel pacer, Retry-After, reconnect backoff) pass at once and in order, with no
/// real sleeping. Nothing moves before <see cref="Start"/>: a test can let everything that needs no wait happen,
/// change the world, then let time go on. Waits longer than <see cref="Longest"/> are not the pump's business
/// and are left alone.
/// </summary>
internal sealed class ClockPump(SignalingTimeProvider time) : IAsyncDisposable
{
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    private volatile bool _stopped;
    private Task _running = Task.CompletedTask;

    /// <summary>Starts moving the clock, for waits begun before this call as well.</summary>
    public void Start()
    {
        if (_running.IsCompleted)
        {
            _running = Task.Run(RunAsync);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        time.TimerCreated.Pulse();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task RunAsync()
    {
        var seen = 0;
        while (true)
        {
            await time.TimerCreated.WaitAsync(() => _stopped || time.Timers.Count > seen, "a new wait on the clock", Timeout.InfiniteTimeSpan);
            if (_stopped)
            {
                return;
            }

            var timers = time.Timers;
            var step = timers.Skip(seen).Where(t => t > TimeSpan.Zero && t <= Longest).DefaultIfEmpty(TimeSpan.Zero).Max();
            seen = timers.Count;
            if (step > TimeSpan.Zero)
            {
                time.Advance(step);
            }
        }
    }
}
