using PaperBot.Core.Commands.Model;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers saved [query]</c>: the caller's own reading list, shown only to them, optionally filtered.</summary>
public sealed class SavedCommand(IReadingListStore readingList, IPaperStore papers, PaperVectors? vectors = null) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("saved", "Your private reading list, most recently saved first; a query filters it")
    {
        Options = [CommonOptions.Query("Only saved papers matching this query", required: false)],
    };

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        TopicQuery? query = null;
        if (arguments.Text.Trim().Length > 0 && !TopicQuery.TryParse(arguments.Text, out query, out var error))
        {
            return QueryErrors.Describe(arguments.Text, error);
        }

        if (query is { HasAbout: true } && vectors is null)
        {
            return AboutFilter.Unavailable();
        }

        var entries = readingList.ListSaved(context.User)
            .Select(saved => new SavedEntry(saved, papers.Find(saved.ArxivId)))
            .ToList();
        if (query is not null)
        {
            var matching = await AboutFilter.WhereAsync(query, [.. entries.Select(e => e.Paper).OfType<Papers.Paper>()], vectors, cancellationToken)
                .ConfigureAwait(false);
            var kept = matching.Select(p => p.ArxivId).ToHashSet(StringComparer.Ordinal);
            entries = [.. entries.Where(e => e.Paper is { } paper && kept.Contains(paper.ArxivId))];
        }

        return new SavedListResult(entries) { Filter = query?.Text };
    }
}
