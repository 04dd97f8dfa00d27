using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers saved</c>: the caller's own reading list, shown only to them.</summary>
public sealed class SavedCommand(IReadingListStore readingList, IPaperStore papers) : ICommandHandler
{
    public string Name => "saved";

    public CommandHelp Help { get; } = new("/papers saved", "Your private reading list, most recently saved first.");

    public Task<CommandResult> ExecuteAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        var entries = readingList.ListSaved(context.User)
            .Select(saved => new SavedEntry(saved, papers.Find(saved.ArxivId)))
            .ToList();
        return Task.FromResult<CommandResult>(new SavedListResult(entries));
    }
}
