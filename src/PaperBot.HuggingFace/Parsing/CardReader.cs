using AngleSharp.Dom;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// The fallback: the page's visible cards (<c>article</c> elements with an <c>h3</c> title linking to
/// <c>/papers/{id}</c>). They carry title, id, upvotes and a thumbnail, but no abstract or author names.
/// </summary>
internal static class CardReader
{
    public static IReadOnlyList<InspectedPaper> Read(IDocument document, DateOnly listedOn, DayField dayFrom)
    {
        var collector = new PaperCollector();
        foreach (var article in document.QuerySelectorAll("article"))
        {
            if (TryRead(article, listedOn, DayRule.SourceOf(dayFrom)) is { } paper)
            {
                collector.Add(new InspectedPaper(paper, dayFrom, Fields(paper)));
            }
        }

        return collector.Papers;
    }

    private static ItemFields Fields(Paper paper) =>
        ItemFields.Title | ItemFields.Upvotes | (paper.ThumbnailUrl is null ? ItemFields.None : ItemFields.Thumbnail);

    private static Paper? TryRead(IElement article, DateOnly listedOn, PaperDaySource daySource)
    {
        foreach (var heading in article.QuerySelectorAll("h3"))
        {
            // The title link sits inside the h3 on today's page; accept the h3 inside the link too.
            var link = heading.QuerySelector("a[href]") ?? heading.Closest("a[href]");
            if (link is null || !TryIdFromHref(link.GetAttribute("href"), out var id))
            {
                continue;
            }

            return new Paper
            {
                ArxivId = id,
                Title = TextNormalizer.CollapseWhitespace(heading.TextContent) ?? id,
                ListedOn = listedOn,
                ListedOnSource = daySource,
                Upvotes = FirstNumber(article.QuerySelectorAll(".leading-none")) ?? 0,
                Comments = FirstNumber(article.QuerySelectorAll("a[href$='#community']")) ?? 0,
                ThumbnailUrl = article.QuerySelectorAll("img[src]")
                    .Select(img => img.GetAttribute("src"))
                    .FirstOrDefault(src => src is not null && src.Contains("thumbnails", StringComparison.OrdinalIgnoreCase)
                        && Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps),
            };
        }

        return null;
    }

    internal static bool TryIdFromHref(string? href, out string id)
    {
        id = "";
        if (string.IsNullOrWhiteSpace(href))
        {
            return false;
        }

        var end = href.IndexOfAny(['?', '#']);
        var path = end < 0 ? href : href[..end];
        var start = path.IndexOf("/papers/", StringComparison.Ordinal);
        if (start < 0 || !ArxivId.TryNormalize(path[(start + "/papers/".Length)..], out var normalized))
        {
            return false;
        }

        id = normalized;
        return true;
    }

    private static int? FirstNumber(IEnumerable<IElement> elements) =>
        elements
            .Select(e => int.TryParse(e.TextContent.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .FirstOrDefault(n => n is not null);
}
