using PaperBot.Core.Commands;

namespace PaperBot.Testing;

/// <summary>
/// <c>/papers slow</c> (or another name): holds the thread it runs on (as a command stuck on CPU work or a store lock would) until the
/// test calls <see cref="Release"/>, to prove acknowledgements do not depend on how long commands take.
/// </summary>
public sealed class BlockingCommand(string name = "slow") : ICommandHandler, IDisposable
{
    private readonly ManualResetEventSlim _released = new();
    private int _started;

    public string Name => name;

    public CommandHelp Help { get; } = new($"/papers {name}", "Test only.");

    /// <summary>How many runs have started.</summary>
    public int Started => Volatile.Read(ref _started);

    public void Release() => _released.Set();

    public Task<CommandResult> ExecuteAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);

        // Blocking on purpose, with a cap so that a failing test cannot hang the run.
        _released.Wait(TimeSpan.FromSeconds(60), cancellationToken);
        return Task.FromResult<CommandResult>(new ConfirmationResult("slow work done"));
    }

    public void Dispose() => _released.Dispose();
}
