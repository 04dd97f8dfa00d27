using System.Text;

namespace PaperBot.Slack.Blocks;

/// <summary>Slack mrkdwn helpers: escaping control characters and cutting text at a word boundary.</summary>
internal static class Mrkdwn
{
    private const string Ellipsis = "…";

    /// <summary>Escapes the three characters Slack treats as markup (&amp;, &lt;, &gt;).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Escapes <paramref name="raw"/> and cuts it so the escaped result is at most <paramref name="limit"/> characters,
    /// at a word boundary where there is one, ending with an ellipsis when cut.
    /// </summary>
    public static string EscapeAndCut(string raw, int limit)
    {
        var escaped = Escape(raw);
        if (escaped.Length <= limit)
        {
            return escaped;
        }

        // Cut the raw text (so no entity is split), then back off until the escaped text fits.
        var budget = limit - Ellipsis.Length;
        var end = Math.Min(raw.Length, budget);
        while (end > 0)
        {
            var cut = Escape(CutAtWord(raw, end));
            if (cut.Length <= budget)
            {
                return cut + Ellipsis;
            }

            // One raw character escapes to at most five (&amp;): step back in proportion to the overshoot.
            end -= Math.Max(1, (cut.Length - budget) / 5);
        }

        return Ellipsis;
    }

    /// <summary>Cuts already-safe text (such as built mrkdwn) to <paramref name="limit"/> at a word boundary.</summary>
    public static string Fit(string text, int limit) =>
        text.Length <= limit ? text : CutAtWord(text, limit - Ellipsis.Length) + Ellipsis;

    private static string CutAtWord(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        var space = text.LastIndexOfAny([' ', '\n', '\t'], length, length + 1);
        var end = space > length / 2 ? space : length;

        // Never split a surrogate pair.
        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end].TrimEnd();
    }

    /// <summary>A link in mrkdwn: <c>&lt;url|label&gt;</c>, with the label escaped and the pipe kept out of it.</summary>
    public static string Link(string url, string label) =>
        new StringBuilder().Append('<').Append(url).Append('|').Append(Escape(label).Replace('|', '¦')).Append('>').ToString();
}
