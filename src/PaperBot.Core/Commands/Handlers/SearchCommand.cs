using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers search &lt;query&gt; [--page N]</c>: every paper PaperBot has stored, ranked by relevance (a match
/// in the title alone beats one that needs the keywords, which beats one that needs the abstract or authors),
/// then by upvotes. With <c>about:"..."</c> the papers are ranked by closeness of meaning instead.
/// </summary>
public sealed class SearchCommand(IPaperStore papers, PaperVectors? vectors = null) : ICommandHandler
{
    public const int PageSize = 10;

    public string Name => "search";

    public CommandHelp Help { get; } = new("/papers search <query> [--page N]", "Search every paper PaperBot has seen, best matches first.");

    public async Task<CommandResult> ExecuteAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        if (!PageOption.TryExtract(arguments, out var queryText, out var page, out var pageError))
        {
            return new ErrorResult(pageError!);
        }

        if (!TopicQuery.TryParse(queryText, out var query, out var error))
        {
            return QueryErrors.Describe(queryText, error);
        }

        if (query.HasAbout)
        {
            if (vectors is null)
            {
                return AboutFilter.Unavailable();
            }

            var closest = await SemanticSearch.RankAsync(query, papers, vectors, cancellationToken).ConfigureAwait(false);
            var missing = vectors.CountMissing();
            return Paging.Page($"Search results for {query.Text}", [.. closest.Select(c => c.Paper)], page, PageSize, $"/papers search {query.Text}",
                missing > 0 ? $"{missing} stored papers are still being read by the sentence model and are not searched yet." : null);
        }

        var ranked = papers.ListedSince(DateOnly.MinValue)
            .Select(p => (Paper: p, Relevance: Relevance(query, p)))
            .Where(r => r.Relevance > 0)
            .OrderByDescending(r => r.Relevance)
            .ThenByDescending(r => r.Paper.Upvotes)
            .ThenByDescending(r => r.Paper.ListedOn)
            .ThenBy(r => r.Paper.ArxivId, StringComparer.Ordinal)
            .Select(r => r.Paper)
            .ToList();
        return Paging.Page($"Search results for {query.Text}", ranked, page, PageSize, $"/papers search {query.Text}", null);
    }

    private static int Relevance(TopicQuery query, Paper paper)
    {
        if (!query.Matches(paper))
        {
            return 0;
        }

        var titleOnly = paper with { Abstract = "", Authors = [], Keywords = [], Organization = null };
        if (query.Matches(titleOnly))
        {
            return 3;
        }

        return query.Matches(titleOnly with { Keywords = paper.Keywords }) ? 2 : 1;
    }
}
