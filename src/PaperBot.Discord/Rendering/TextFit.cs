using System.Globalization;
using System.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// Makes text fit Discord's length limits. Lengths are UTF-16 code units, which is never less than what
/// Discord counts, and cuts fall between whole grapheme clusters, preferably at a word boundary, with "…".
/// </summary>
internal static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters.</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return "";
        }

        var budget = max - Ellipsis.Length;
        var end = 0;
        var lastSpace = -1;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > budget)
            {
                break;
            }

            if (char.IsWhiteSpace(text[end]))
            {
                lastSpace = end;
            }

            end += next;
        }

        // A word boundary in the last third is worth the loss; a single huge word is cut where it must be.
        var cut = lastSpace > budget * 2 / 3 ? lastSpace : end;
        var kept = text[..cut].TrimEnd();
        if (TrailingBackslashes(kept) % 2 == 1)
        {
            kept = kept[..^1];
        }

        return kept + Ellipsis;
    }

    /// <summary>
    /// Removes control characters (except line breaks and tabs) and turns whitespace-only text into
    /// <paramref name="fallback"/>, because Discord rejects empty titles and field values.
    /// </summary>
    public static string Clean(string? text, string fallback)
    {
        var builder = new StringBuilder((text ?? "").Length);
        foreach (var c in text ?? "")
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? fallback : cleaned;
    }

    /// <summary>Same as <see cref="Clean"/>, and on one line.</summary>
    public static string OneLine(string? text, string fallback) =>
        Clean(string.Join(' ', (text ?? "").Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), fallback);

    private static int TrailingBackslashes(string text)
    {
        var count = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            count++;
        }

        return count;
    }
}
