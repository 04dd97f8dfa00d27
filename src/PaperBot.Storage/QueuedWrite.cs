using System.Runtime.ExceptionServices;

namespace PaperBot.Storage;

/// <summary>
/// One caller's write waiting in <see cref="LiteDbStore"/>'s group commit: run by whichever caller leads the batch
/// it lands in, and completed only once that batch is durable. Waiting is a task, so async callers hold no thread.
/// </summary>
internal sealed class QueuedWrite(Func<object?> write)
{
    private readonly TaskCompletionSource<bool> _turn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ExceptionDispatchInfo? _error;
    private object? _result;

    /// <summary>Completes with false when the write is done (durable or failed), or true when this caller must lead the next batch.</summary>
    public Task<bool> Turn => _turn.Task;

    public object? Result
    {
        get
        {
            _error?.Throw();
            return _result;
        }
    }

    public void Run() => _result = write();

    public void Fail(Exception error) => _error = ExceptionDispatchInfo.Capture(error);

    public void Complete() => _turn.TrySetResult(false);

    public void Promote() => _turn.TrySetResult(true);
}
