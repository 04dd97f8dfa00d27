using PaperBot.Core.Storage;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>Autocomplete choices for an arXiv id option: the latest papers-day's papers whose id or title holds what was typed.</summary>
internal static class PaperChoices
{
    public static IReadOnlyList<CommandChoice> For(IPaperStore papers, string typed)
    {
        if (papers.LatestListedDay() is not { } day)
        {
            return [];
        }

        return [.. papers.ListedOn(day)
            .Where(p => typed.Length == 0
                || p.ArxivId.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || p.Title.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Upvotes)
            .ThenBy(p => p.ArxivId, StringComparer.Ordinal)
            .Take(AutocompleteHandler.MaxChoices)
            .Select(p => new CommandChoice(TextFit.Fit($"{p.ArxivId} {TextFit.OneLine(p.Title, "?")}", 100), p.ArxivId))];
    }
}
