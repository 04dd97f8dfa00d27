using System.Collections.Concurrent;

namespace PaperBot.Core.Commands;

/// <summary>
/// Answers that go out after the platform was acknowledged (Discord's deferred edits, Slack's response_url posts), on
/// every platform: tracked while they run, and waited for at shutdown so an answer being written is not lost. Work that
/// is still running when the wait is over is told to give up through <see cref="Abandoned"/>.
/// </summary>
public sealed class BackgroundReplies : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abandoned = new();

    /// <summary>Cancelled when shutdown stops waiting for the answers still running.</summary>
    public CancellationToken Abandoned => _abandoned.Token;

    /// <summary>How many answers are still being worked on or sent.</summary>
    public int Running => _running.Count;

    /// <summary>Tracks <paramref name="reply"/> until it completes; it must handle its own failures.</summary>
    public void Track(Task reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _running[reply] = 0;
        _ = reply.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for every answer started so far; true when all went out (or failed) in time.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var all = Task.WhenAll(_running.Keys);
        await all.WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (all.IsCompleted)
        {
            return true;
        }

        await _abandoned.CancelAsync().ConfigureAwait(false);
        return false;
    }

    public void Dispose() => _abandoned.Dispose();
}
