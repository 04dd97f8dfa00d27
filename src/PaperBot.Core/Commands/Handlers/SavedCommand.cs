using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers saved [query]</c>: the caller's own reading list, shown only to them, optionally filtered.</summary>
public sealed class SavedCommand(IReadingListStore readingList, IPaperStore papers) : ICommandHandler
{
    public string Name => "saved";

    public CommandHelp Help { get; } = new("/papers saved [query]", "Your private reading list, most recently saved first; a query filters it.");

    public Task<CommandResult> ExecuteAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        TopicQuery? query = null;
        if (arguments.Trim().Length > 0 && !TopicQuery.TryParse(arguments, out query, out var error))
        {
            return Task.FromResult<CommandResult>(QueryErrors.Describe(arguments, error));
        }

        var entries = readingList.ListSaved(context.User)
            .Select(saved => new SavedEntry(saved, papers.Find(saved.ArxivId)))
            .Where(entry => query is null || (entry.Paper is { } paper && query.Matches(paper)))
            .ToList();
        return Task.FromResult<CommandResult>(new SavedListResult(entries) { Filter = query?.Text });
    }
}
