using System.Globalization;
using System.Text;

namespace PaperBot.Core.Export;

/// <summary>Citation keys like <c>kalai2025why</c>: first author's surname, year, first title word.</summary>
internal static class BibTexKeys
{
    private static readonly HashSet<string> Skipped = ["a", "an", "the", "on", "of", "for", "and", "in", "to", "with", "towards", "toward"];

    /// <summary>
    /// A key per arXiv id. Two papers with the same base key both get their arXiv id appended, so a key never
    /// depends on which other papers the list holds at the time.
    /// </summary>
    public static Dictionary<string, string> Assign(IReadOnlyList<ExportEntry> entries)
    {
        var bases = entries.ToDictionary(e => e.ArxivId, Base, StringComparer.Ordinal);
        var clashing = bases.Values.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return bases.ToDictionary(
            kv => kv.Key,
            kv => clashing.Contains(kv.Value) ? $"{kv.Value}_{kv.Key.Replace('/', '.')}" : kv.Value,
            StringComparer.Ordinal);
    }

    public static int Year(ExportEntry entry)
    {
        if (entry.Paper?.PublishedAt is { } published)
        {
            return published.Year;
        }

        // The arXiv id carries the submission year (new-style ids start with YYMM, old-style ones end with YYMMNNN);
        // the papers-day is when Hugging Face listed it, not a date of publication.
        var digits = entry.ArxivId.Contains('/', StringComparison.Ordinal) ? entry.ArxivId[(entry.ArxivId.IndexOf('/', StringComparison.Ordinal) + 1)..] : entry.ArxivId;
        var yy = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        return yy >= 91 ? 1900 + yy : 2000 + yy;
    }

    private static string Base(ExportEntry entry)
    {
        var surname = entry.Paper is { Authors.Count: > 0 } paper ? Ascii(paper.Authors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]) : "";
        var word = entry.Paper is null
            ? ""
            : entry.Paper.Title.Split([' ', ':', '-', ','], StringSplitOptions.RemoveEmptyEntries).Select(Ascii)
                .FirstOrDefault(w => w.Length > 0 && !Skipped.Contains(w)) ?? "";
        return $"{(surname.Length > 0 ? surname : "arxiv")}{Year(entry)}{word}";
    }

    private static string Ascii(string text)
    {
        var result = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }
}
