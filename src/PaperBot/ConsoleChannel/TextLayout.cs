using System.Text;

namespace PaperBot.ConsoleChannel;

/// <summary>Cutting and wrapping text for a fixed-width terminal.</summary>
internal static class TextLayout
{
    internal static string Shorten(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', limit - 1);
        return text[..(cut > limit / 2 ? cut : limit - 1)].TrimEnd() + "…";
    }

    internal static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split("\n\n"))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(line.Length == 0 ? word : " " + word);
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
            }
        }
    }
}
