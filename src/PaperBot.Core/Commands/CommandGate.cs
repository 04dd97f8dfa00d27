using System.Collections.Concurrent;

namespace PaperBot.Core.Commands;

/// <summary>
/// Where command work runs: on <see cref="Workers"/> threads of its own, never on the thread that carried the
/// request, and never on the thread pool, so however many commands arrive at once and however long each takes
/// (store reads, locks), the thread pool stays free for the acknowledgements' timers and answers. At most
/// <see cref="Capacity"/> commands wait; past that a command is refused at once (<see cref="TryRun{T}"/> is false)
/// instead of queueing without bound. Work started from gate work runs inline, so nesting cannot deadlock: "from gate
/// work" flows across awaits (an <see cref="AsyncLocal{T}"/>), because a worker waits for its command to finish while
/// the command's continuations run on the thread pool; nested work queued behind busy workers would wait forever.
/// </summary>
public sealed class CommandGate : IDisposable
{
    /// <summary>Commands waiting at most; past it PaperBot answers that it is busy.</summary>
    public const int Capacity = 2_000;

    private static readonly AsyncLocal<CommandGate?> RunningOn = new();

    private readonly BlockingCollection<Action> _queue = new(new ConcurrentQueue<Action>(), Capacity);
    private readonly Thread[] _threads;

    public CommandGate()
        : this(Math.Max(2, Environment.ProcessorCount))
    {
    }

    public CommandGate(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"PaperBot command {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Commands run at once at most.</summary>
    public int Workers => _threads.Length;

    /// <summary>Commands waiting for a worker now.</summary>
    public int Waiting => _queue.Count;

    /// <summary>
    /// Queues <paramref name="work"/>; <paramref name="result"/> completes with its result (or exception) on a gate
    /// thread's behalf. False when <see cref="Capacity"/> commands are waiting already.
    /// </summary>
    public bool TryRun<T>(Func<Task<T>> work, out Task<T> result)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (RunningOn.Value == this)
        {
            result = Inline(work);
            return true;
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        result = done.Task;
        try
        {
            return _queue.TryAdd(() => Complete(work, done));
        }
        catch (InvalidOperationException)
        {
            // Disposed: the application is stopping.
            return false;
        }
    }

    public void Dispose() => _queue.CompleteAdding();

    private static Task<T> Inline<T>(Func<Task<T>> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private static void Complete<T>(Func<Task<T>> work, TaskCompletionSource<T> done)
    {
        try
        {
            // The worker stays with its command until the command is done, also across awaits: that is the bound.
            done.TrySetResult(work().GetAwaiter().GetResult());
        }
        catch (OperationCanceledException ex)
        {
            done.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            done.TrySetException(ex);
        }
    }

    private void Work()
    {
        RunningOn.Value = this;
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item();
        }
    }
}
