using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers recommend [--page N]</c>: papers of the last seven days closest to the caller's reading list, most
/// relevant first, shown only to them. A paper's score is its closeness to the nearest saved paper, so a list
/// with several interests is served for each of them rather than for their blurred average.
/// </summary>
public sealed class RecommendCommand(IReadingListStore readingList, IPaperStore papers, PaperVectors vectors, TimeProvider time) : ICommandHandler
{
    public const int PageSize = 10;
    public const int Days = 7;
    public const int MaxResults = 30;

    public CommandSpec Spec { get; } = new("recommend", "Papers of the last 7 days closest to your reading list (only you see them)")
    {
        Options = [CommonOptions.Page],
    };

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        var page = arguments.Page ?? 1;
        if (arguments.Text.Trim().Length > 0)
        {
            return new ErrorResult("/papers recommend takes no query: it reads your reading list.", "Use /papers search about:\"...\" to look for a topic.");
        }

        var saved = readingList.ListSaved(context.User).Select(s => papers.Find(s.ArxivId)).OfType<Paper>().ToList();
        if (saved.Count == 0)
        {
            return new ErrorResult("Your reading list is empty, so I have nothing to go on.",
                "Save a few papers you liked with /papers save <arxiv id> (or the save reaction on a post), then ask again.");
        }

        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - Days);
        var savedIds = saved.Select(p => p.ArxivId).ToHashSet(StringComparer.Ordinal);
        var recent = papers.ListedSince(since).Where(p => !savedIds.Contains(p.ArxivId)).ToList();
        var found = await vectors.ForPapersAsync([.. saved, .. recent], cancellationToken).ConfigureAwait(false);
        var liked = saved.Select(p => found[p.ArxivId]).ToList();
        var ranked = recent
            .Select(p => (Paper: p, Score: liked.Max(v => VectorMath.Dot(v, found[p.ArxivId]))))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Paper.ArxivId, StringComparer.Ordinal)
            .Take(MaxResults)
            .Select(r => r.Paper)
            .ToList();
        var result = Paging.Page($"Recommended for you from the last {Days} days ({saved.Count} saved papers read)", ranked, page, PageSize,
            Spec.Invoke(), ranked.Count == 0 ? $"No paper was listed in the last {Days} days that you have not saved." : null);
        return result is PaperListResult list ? list with { ForCallerOnly = true } : result;
    }
}
