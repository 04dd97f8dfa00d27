using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Query;

/// <summary>
/// A deliberately naive second implementation of "these words, consecutively, in one field value":
/// a regular expression over each folded value. The property tests compare the real matcher against it.
/// </summary>
internal static class ReferenceMatcher
{
    public static bool Contains(Paper paper, IReadOnlyList<string> words)
    {
        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"[^\p{L}\p{N}]+", words.Select(Regex.Escape)) + @"(?![\p{L}\p{N}])";
        IEnumerable<string> values = [paper.Title, paper.Abstract, .. paper.Authors, .. paper.Keywords];
        return values.Any(value => Regex.IsMatch(Fold(value), pattern, RegexOptions.CultureInvariant));
    }

    private static string Fold(string text)
    {
        var kept = text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Concat(kept).ToLowerInvariant();
    }
}
