using System.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>Escapes text so Discord shows it as written (a title with *stars* or [brackets] stays literal).</summary>
internal static class Markdown
{
    private const string Special = "\\*_~`|[]<>#";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A masked link <c>[text](url)</c> with the text escaped and fitted to <paramref name="maxText"/>.</summary>
    public static string Link(string text, string url, int maxText) => $"[{TextFit.Fit(Escape(TextFit.OneLine(text, "(untitled)")), maxText)}]({url})";
}
