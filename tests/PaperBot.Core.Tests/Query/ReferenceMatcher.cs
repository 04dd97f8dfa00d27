using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

/// <summary>
/// A deliberately naive second implementation of "these words, consecutively, in one value of these fields":
/// each value folded, split by a regular expression, stemmed when it is prose, and searched as a joined string.
/// The property tests compare the real matcher against it; only the stemmer itself is shared.
/// </summary>
internal static partial class ReferenceMatcher
{
    public static bool Contains(Paper paper, IReadOnlyList<string> words, FieldSet fields = FieldSet.Default)
    {
        var prose = new List<string?>();
        var names = new List<string?>();
        prose.AddRange(fields.HasFlag(FieldSet.Title) ? [paper.Title] : []);
        prose.AddRange(fields.HasFlag(FieldSet.Abstract) ? [paper.Abstract] : []);
        prose.AddRange(fields.HasFlag(FieldSet.Keywords) ? paper.Keywords : []);
        names.AddRange(fields.HasFlag(FieldSet.Authors) ? paper.Authors : []);
        names.AddRange(fields.HasFlag(FieldSet.Organization) ? [paper.Organization] : []);
        var stemmed = " " + string.Join(' ', words.Select(EnglishStemmer.Stem)) + " ";
        var plain = " " + string.Join(' ', words) + " ";
        return prose.Any(value => Joined(value, stem: true).Contains(stemmed, StringComparison.Ordinal))
            || names.Any(value => Joined(value, stem: false).Contains(plain, StringComparison.Ordinal));
    }

    // The property tests ask about the same few field values thousands of times.
    private static readonly ConcurrentDictionary<(string, bool), string> JoinedCache = new();

    private static string Joined(string? value, bool stem) => JoinedCache.GetOrAdd((value ?? "", stem), key => Join(key.Item1, key.Item2));

    private static string Join(string value, bool stem)
    {
        var words = Word().Matches(Fold(value)).Select(m => stem ? EnglishStemmer.Stem(m.Value) : m.Value);
        return " " + string.Join(' ', words) + " ";
    }

    private static string Fold(string text)
    {
        var kept = text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Concat(kept).ToLowerInvariant();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
