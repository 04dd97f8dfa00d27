using PaperBot.Core.Commands.Model;
using PaperBot.Core.Saving;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers unsave &lt;arxiv id&gt;</c>.</summary>
public sealed class UnsaveCommand(ReadingList readingList) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("unsave", "Remove a paper from your reading list") { Options = [CommonOptions.ArxivId] };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken) =>
        Task.FromResult(readingList.Unsave(context.User, arguments.Text));
}
