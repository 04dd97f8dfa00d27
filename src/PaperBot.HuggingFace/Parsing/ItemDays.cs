using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>What the papers of one answer say about their days, when the answer itself names none.</summary>
internal static class ItemDays
{
    /// <summary>The newest day the items themselves name (a guessed day never counts), or null.</summary>
    public static DateOnly? NewestNamedDay(IReadOnlyList<InspectedPaper> papers) =>
        papers.Where(p => p.Paper.ListedOnSource.NamesListingDay()).Select(p => (DateOnly?)p.Paper.ListedOn).Max();

    /// <summary>Notes guessed days and answers that span several papers-days.</summary>
    public static void Describe(IReadOnlyList<InspectedPaper> papers, ParseNotes notes)
    {
        var guessed = papers.Where(p => !p.Paper.ListedOnSource.NamesListingDay()).ToList();
        if (guessed.Count > 0)
        {
            var from = guessed.All(p => p.DayFrom == DayField.TopLevelPublishedAt)
                ? "their top-level publishedAt, which is the arXiv time, not the day they were listed"
                : "the day the listing was read";
            notes.Warn($"{guessed.Count} of {papers.Count} papers have no paper.submittedOnDailyAt; their papers-day was guessed from {from}");
        }

        var days = papers.GroupBy(p => p.Paper.ListedOn).OrderByDescending(g => g.Key).ToList();
        if (days.Count > 1)
        {
            notes.Remark("the answer spans several papers-days: " + string.Join(", ",
                days.Select(g => $"{g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({g.Count()})")));
        }
    }
}
