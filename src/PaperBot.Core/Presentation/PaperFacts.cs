using System.Globalization;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Presentation;

/// <summary>How every surface words a paper's facts: one byline, one date format.</summary>
public static class PaperFacts
{
    /// <summary>How many authors a byline names before "et al.".</summary>
    public const int AuthorsShown = 5;

    /// <summary>"A, B, C, D, E et al. (12 authors) (Org)": the first authors, how many there are, and the organisation.</summary>
    public static string Byline(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var names = paper.Authors.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var organization = string.IsNullOrWhiteSpace(paper.Organization) ? null : paper.Organization.Trim();
        var authors = names.Count switch
        {
            0 => organization ?? "Unknown authors",
            <= AuthorsShown => string.Join(", ", names),
            _ => $"{string.Join(", ", names.Take(AuthorsShown))} et al. ({names.Count.ToString(CultureInfo.InvariantCulture)} authors)",
        };
        return organization is not null && names.Count > 0 ? $"{authors} ({organization})" : authors;
    }

    /// <summary>The paper's date as "Nov 25, 2026": its arXiv publication day, else the day it was listed.</summary>
    public static string Date(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var day = paper.PublishedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : paper.ListedOn;
        return day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>A day as in saved lists, "2026-11-25".</summary>
    public static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
