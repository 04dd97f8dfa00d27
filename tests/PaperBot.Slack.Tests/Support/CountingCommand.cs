using System.Collections.Concurrent;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Slack.Tests.Support;

/// <summary><c>/papers count X</c>: counts how often X was run, to prove a command is applied exactly once.</summary>
public sealed class CountingCommand : ICommandHandler
{
    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public CommandSpec Spec { get; } = new("count", "Test only.") { Options = [CommonOptions.Query("Anything", required: true)] };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(arguments.Text, 1, (_, n) => n + 1);
        return Task.FromResult<CommandResult>(new ConfirmationResult($"counted {arguments.Text}"));
    }
}
