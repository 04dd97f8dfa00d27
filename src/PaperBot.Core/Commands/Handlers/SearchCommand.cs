using PaperBot.Core.Commands.Model;
using PaperBot.Core.Query;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers search &lt;query&gt; [--page N]</c>: every paper PaperBot has stored, ranked by relevance (a match
/// in the title alone beats one that needs the keywords, which beats one that needs the abstract or authors),
/// then by upvotes (<see cref="SearchRanking"/>), from the <see cref="PaperSearchIndex"/>. With <c>about:"..."</c>
/// the papers are ranked by closeness of meaning instead.
/// </summary>
public sealed class SearchCommand(PaperSearchIndex index, PaperVectors? vectors = null) : ICommandHandler
{
    public const int PageSize = 10;

    public CommandSpec Spec { get; } = new("search", "Search every paper PaperBot has seen, best matches first")
    {
        Options = [CommonOptions.Query("Words, \"phrases\", OR, -word, (groups), or about:\"a sentence\" to rank by meaning", required: true), CommonOptions.Page],
        PublicAnswer = true,
    };

    private readonly AnswerMemory _answers = new();

    /// <summary>The same search asked for again, while no poll has changed the papers: from memory.</summary>
    public CommandResult? Remembered(CommandContext context, CommandArguments arguments) => _answers.Find(arguments, index.Stamp(default));

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        var stamp = index.Stamp(default);
        var result = await AnswerAsync(arguments, cancellationToken).ConfigureAwait(false);

        // A meaning query reads the vectors, which change without a poll: answered afresh every time.
        if (!arguments.Text.Contains("about:", StringComparison.OrdinalIgnoreCase))
        {
            _answers.Keep(arguments, stamp, result);
        }

        return result;
    }

    private async Task<CommandResult> AnswerAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var queryText = arguments.Text.Trim();
        var page = arguments.Page ?? 1;
        if (!TopicQuery.TryParse(queryText, out var query, out var error))
        {
            return QueryErrors.Describe(queryText, error);
        }

        var heading = $"Search results for {query.Text}";
        var command = Spec.Invoke((Spec.Positional!, query.Text));
        if (query.HasAbout)
        {
            if (vectors is null)
            {
                return AboutFilter.Unavailable();
            }

            var closest = await SemanticSearch.RankAsync(query, index, vectors, cancellationToken).ConfigureAwait(false);
            var missing = vectors.CountMissing();
            return Paging.Page(heading, closest, page, PageSize, command,
                missing > 0 ? $"{missing} stored papers are still being read by the sentence model and are not searched yet." : null, index.Fetch);
        }

        // The index ranks every match; only the page shown is read from the store.
        return Paging.Page(heading, index.Search(query), page, PageSize, command, null, index.Fetch);
    }
}
