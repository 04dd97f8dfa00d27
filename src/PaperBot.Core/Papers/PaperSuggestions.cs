using PaperBot.Core.Commands;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Papers;

/// <summary>Papers to suggest while someone types an arXiv id: the latest papers-day's, whose id or title holds what was typed.</summary>
public sealed class PaperSuggestions(IPaperStore papers)
{
    public IReadOnlyList<Suggestion> For(string? typed, int max)
    {
        var text = (typed ?? "").Trim();
        if (papers.LatestListedDay() is not { } day)
        {
            return [];
        }

        return [.. papers.ListedOn(day)
            .Where(p => text.Length == 0
                || p.ArxivId.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || p.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Upvotes)
            .ThenBy(p => p.ArxivId, StringComparer.Ordinal)
            .Take(max)
            .Select(p => new Suggestion($"{p.ArxivId} {p.Title}", p.ArxivId))];
    }
}
