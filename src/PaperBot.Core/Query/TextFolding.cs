using System.Globalization;
using System.Text;

namespace PaperBot.Core.Query;

/// <summary>Folds case and accents so that "Müller", "MULLER" and "muller" are the same word.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        // Nearly all titles and abstracts are ASCII; they need only lower-casing.
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        // Lower-casing after decomposition can yield a character that decomposes again, so fold to a
        // fixed point: Fold(Fold(x)) == Fold(x) is what lets Parse(query.Text) reproduce the query.
        var current = text;
        for (var pass = 0; pass < 4; pass++)
        {
            var next = FoldOnce(current);
            if (string.Equals(next, current, StringComparison.Ordinal))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    // NFKD rather than NFD so that ligatures ("ﬁ"), full-width and superscript characters, common in
    // PDF-extracted abstracts, fold to their plain letters as well; nonspacing marks are the accents.
    private static string FoldOnce(string text)
    {
        var decomposed = WellFormed(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(Rune.ToLowerInvariant(rune));
            }
        }

        return builder.ToString();
    }

    // string.Normalize throws on a lone surrogate; a query must be refused or matched, never crash,
    // so broken pairs become U+FFFD (which EnumerateRunes does for us).
    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                builder.Append(rune);
            }

            return builder.ToString();
        }

        return text;
    }
}
