using System.Runtime.ExceptionServices;

namespace PaperBot.Storage;

/// <summary>
/// One caller's write waiting in <see cref="LiteDbStore"/>'s group commit: run by whichever caller leads the batch
/// it lands in, and completed only once that batch is durable.
/// </summary>
internal sealed class QueuedWrite(Func<object?> write) : IDisposable
{
    private readonly ManualResetEventSlim _done = new(false);
    private ExceptionDispatchInfo? _error;
    private object? _result;

    /// <summary>Set when this caller must lead the next batch instead of waiting for someone else to.</summary>
    public bool Lead { get; private set; }

    public void Run() => _result = write();

    public void Fail(Exception error) => _error = ExceptionDispatchInfo.Capture(error);

    public void Complete() => _done.Set();

    /// <summary>Wakes the caller to lead the next batch.</summary>
    public void Promote()
    {
        Lead = true;
        _done.Set();
    }

    /// <summary>Blocks until completed or promoted; then <see cref="Lead"/> tells which.</summary>
    public void Wait() => _done.Wait();

    public void Dispose() => _done.Dispose();

    public object? Result
    {
        get
        {
            _error?.Throw();
            return _result;
        }
    }
}
