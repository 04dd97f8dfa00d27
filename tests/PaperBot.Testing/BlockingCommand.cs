using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Testing;

/// <summary>
/// <c>/papers slow</c> (or another name): holds the thread it runs on (as a command stuck on CPU work or a store lock would) until the
/// test calls <see cref="Release"/>, to prove acknowledgements do not depend on how long commands take.
/// </summary>
public sealed class BlockingCommand(string name = "slow") : ICommandHandler, IDisposable
{
    private readonly ManualResetEventSlim _released = new();
    private readonly SemaphoreSlim _starts = new(0);
    private int _started;

    public CommandSpec Spec { get; } = new(name, "Test only.");

    /// <summary>How many runs have started.</summary>
    public int Started => Volatile.Read(ref _started);

    public void Release() => _released.Set();

    /// <summary>
    /// Completes once <paramref name="count"/> runs have started (a run starts on a worker thread, a moment after the
    /// request that queued it is waiting); throws <see cref="OperationCanceledException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitUntilStartedAsync(int count, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (Started < count)
        {
            await _starts.WaitAsync(expiry.Token).ConfigureAwait(false);
        }
    }

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        _starts.Release();

        // Blocking on purpose, with a cap so that a failing test cannot hang the run.
        _released.Wait(TimeSpan.FromSeconds(60), cancellationToken);
        return Task.FromResult<CommandResult>(new ConfirmationResult("slow work done"));
    }

    public void Dispose()
    {
        _released.Dispose();
        _starts.Dispose();
    }
}
