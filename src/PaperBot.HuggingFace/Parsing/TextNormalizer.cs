using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>Whitespace clean-up for titles and abstracts; everything else (LaTeX, Unicode) is kept as sent.</summary>
internal static partial class TextNormalizer
{
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    // A paragraph break is a line holding nothing but whitespace.
    [GeneratedRegex(@"\n[^\S\n]*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLine();

    /// <summary>Runs of whitespace (line breaks included) become one space; null when nothing is left.</summary>
    public static string? CollapseWhitespace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Abstracts arrive hard-wrapped the way arXiv stores them: single line breaks are folded into
    /// spaces, blank-line separated paragraphs are kept and joined by <c>"\n\n"</c>.
    /// </summary>
    public static string FoldAbstract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var paragraphs = BlankLine().Split(unified)
            .Select(FoldParagraph)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static string FoldParagraph(string paragraph)
    {
        var joined = new StringBuilder(paragraph.Length);
        foreach (var rawLine in paragraph.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            // "state-of-the-\nart" was wrapped at a hyphen of a compound word: join without a space.
            // A free-standing dash ("A -\nB") keeps its space.
            var wrappedAtHyphen = joined.Length >= 2 && joined[^1] == '-' && !char.IsWhiteSpace(joined[^2]);
            if (joined.Length > 0 && !wrappedAtHyphen)
            {
                joined.Append(' ');
            }

            joined.Append(line);
        }

        return Whitespace().Replace(joined.ToString(), " ").Trim();
    }
}
