using PaperBot.Core.Query;
using PaperBot.Core.Search;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers search &lt;query&gt; [--page N]</c>: every paper PaperBot has stored, ranked by relevance (a match
/// in the title alone beats one that needs the keywords, which beats one that needs the abstract or authors),
/// then by upvotes (<see cref="SearchRanking"/>), from the <see cref="PaperSearchIndex"/>.
/// </summary>
public sealed class SearchCommand(PaperSearchIndex index) : ICommandHandler
{
    public const int PageSize = 10;

    public string Name => "search";

    public CommandHelp Help { get; } = new("/papers search <query> [--page N]", "Search every paper PaperBot has seen, best matches first.");

    public Task<CommandResult> ExecuteAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        if (!PageOption.TryExtract(arguments, out var queryText, out var page, out var pageError))
        {
            return Task.FromResult<CommandResult>(new ErrorResult(pageError!));
        }

        if (!TopicQuery.TryParse(queryText, out var query, out var error))
        {
            return Task.FromResult<CommandResult>(QueryErrors.Describe(queryText, error));
        }

        // The index ranks every match; only the page shown is read from the store.
        var ranked = index.Search(query);
        var heading = $"Search results for {query.Text}";
        var command = $"/papers search {query.Text}";
        return Task.FromResult(Paging.Page(heading, ranked, page, PageSize, command, null, index.Fetch));
    }
}
