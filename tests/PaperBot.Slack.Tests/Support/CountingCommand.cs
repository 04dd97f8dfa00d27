using System.Collections.Concurrent;
using PaperBot.Core.Commands;

namespace PaperBot.Slack.Tests.Support;

/// <summary><c>/papers count X</c>: counts how often X was run, to prove a command is applied exactly once.</summary>
public sealed class CountingCommand : ICommandHandler
{
    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public string Name => "count";

    public CommandHelp Help { get; } = new("/papers count <x>", "Test only.");

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(arguments.Text, 1, (_, n) => n + 1);
        return Task.FromResult<CommandResult>(new ConfirmationResult($"counted {arguments.Text}"));
    }
}
