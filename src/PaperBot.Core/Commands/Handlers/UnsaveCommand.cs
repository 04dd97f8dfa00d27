using PaperBot.Core.Saving;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers unsave &lt;arxiv id&gt;</c>.</summary>
public sealed class UnsaveCommand(ReadingList readingList) : ICommandHandler
{
    public string Name => "unsave";

    public CommandHelp Help { get; } = new("/papers unsave <arxiv id>", "Remove a paper from your reading list.");

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken) =>
        Task.FromResult(readingList.Unsave(context.User, arguments.Text));
}
