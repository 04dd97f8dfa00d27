using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>The papers-day a page says it shows through its canonical URL (<c>/papers/date/2026-11-24</c>), when it does.</summary>
internal static partial class PageDay
{
    [GeneratedRegex(@"/papers/date/(\d{4}-\d{2}-\d{2})(?:[/?#]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePath();

    public static DateOnly? Find(IDocument document)
    {
        var candidates = new[]
        {
            document.QuerySelector("link[rel='canonical']")?.GetAttribute("href"),
            document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"),
        };
        foreach (var url in candidates)
        {
            if (url is not null && DatePath().Match(url) is { Success: true } match
                && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        return null;
    }
}
