using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands;

/// <summary>The stored papers of the last few days a new subscription's query matches: its preview, and its backfill.</summary>
public static class RecentMatches
{
    /// <returns>The matches, most recent day first, then most upvoted; and the preview of them.</returns>
    public static async Task<(List<Paper> Matches, SubscriptionPreview Preview)> FindAsync(
        TopicQuery query, int? minUpvotes, int days, IPaperStore papers, PaperVectors? vectors, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(papers);
        var recent = papers.ListedSince(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - days)).Where(p => p.Upvotes >= (minUpvotes ?? 0)).ToList();
        if (!query.HasAbout)
        {
            var matches = Newest(recent.Where(query.Matches));
            var top = matches.OrderByDescending(p => p.Upvotes).ThenBy(p => p.ArxivId, StringComparer.Ordinal).Take(3).Select(p => new PreviewPaper(p, null));
            return (matches, new SubscriptionPreview(days, matches.Count, [.. top], null, null, 0));
        }

        ArgumentNullException.ThrowIfNull(vectors);

        // The stragglers of the last poll get their vectors now; a large backlog is left to the background embedder.
        await vectors.CatchUpFewAsync(cancellationToken).ConfigureAwait(false);
        await AboutFilter.BindAsync(query, vectors, cancellationToken).ConfigureAwait(false);
        var sentence = await vectors.ScoreSentenceAsync(query.AboutSentences[0], cancellationToken).ConfigureAwait(false);
        var judged = new List<(Paper Paper, float Closeness, bool Matches)>();
        var waiting = 0;
        foreach (var paper in recent)
        {
            if (vectors.Find(paper.ArxivId) is not { } vector)
            {
                waiting++;
                continue;
            }

            var text = PaperText.From(paper, vector);
            judged.Add((paper, sentence.Of(vector, text), query.Matches(text)));
        }

        var closest = judged.OrderByDescending(j => j.Closeness).ThenBy(j => j.Paper.ArxivId, StringComparer.Ordinal).ToList();
        var found = closest.Where(j => j.Matches).ToList();
        var miss = closest.FirstOrDefault(j => !j.Matches);
        var preview = new SubscriptionPreview(days, found.Count, [.. found.Take(3).Select(j => new PreviewPaper(j.Paper, j.Closeness))],
            query.FirstAboutCloseness?.Threshold, miss.Paper is null ? null : new PreviewPaper(miss.Paper, miss.Closeness), waiting);
        return (Newest(found.Select(j => j.Paper)), preview);
    }

    private static List<Paper> Newest(IEnumerable<Paper> matches) =>
        [.. matches.OrderByDescending(p => p.ListedOn).ThenByDescending(p => p.Upvotes).ThenBy(p => p.ArxivId, StringComparer.Ordinal)];
}
