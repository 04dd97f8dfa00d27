using System.Threading.Channels;

namespace PaperBot.Workers;

/// <summary>
/// "Poll now" from the operator page: a request the <see cref="PollerWorker"/> serves between its scheduled polls,
/// completed when that poll has finished. Also tells when the next scheduled poll is due.
/// </summary>
public sealed class PollRequests
{
    private readonly Channel<TaskCompletionSource> _requests = Channel.CreateUnbounded<TaskCompletionSource>();
    private long _nextPollTicks;

    /// <summary>When the next scheduled poll is due, once the worker runs.</summary>
    public DateTimeOffset? NextPollAt
    {
        get => Interlocked.Read(ref _nextPollTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        internal set => Interlocked.Exchange(ref _nextPollTicks, value?.UtcTicks ?? 0);
    }

    /// <summary>Asks for a poll now; the task completes when it has run (its outcome is in ListingHealth).</summary>
    public Task RequestAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite(done);
        return done.Task;
    }

    internal ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _requests.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes every waiting request (several clicks during one poll are served by the next one).</summary>
    internal List<TaskCompletionSource> TakeAll()
    {
        var taken = new List<TaskCompletionSource>();
        while (_requests.Reader.TryRead(out var request))
        {
            taken.Add(request);
        }

        return taken;
    }
}
