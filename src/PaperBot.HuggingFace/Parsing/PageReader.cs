using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// The server-rendered Daily Papers page: the <c>data-props</c> JSON of <c>[data-target="DailyPapers"]</c>
/// first, the visible cards as a fallback, and a loud <see cref="ListingFetch.LayoutChanged"/> when neither holds papers.
/// </summary>
internal static class PageReader
{
    private const string PropsWhat = "the data-props of the DailyPapers element";

    public static ListingFetch Read(string html, ParseContext context, ILogger logger)
    {
        using var document = new HtmlParser().ParseDocument(html);
        if (TryReadProps(document, context, logger, out var problem) is { } listed)
        {
            return listed;
        }

        var day = context.RequestedDay ?? PageDay.Find(document);
        var cards = CardReader.Read(document, day ?? context.Today);
        if (cards.Count > 0)
        {
            Log.CardsFallback(logger, context.Source, problem, cards.Count);
            return new ListingFetch.Listed(day, cards);
        }

        return new ListingFetch.LayoutChanged(
            $"{problem} and no paper cards at {context.Source}: the page layout probably changed; PaperBot changed nothing");
    }

    private static ListingFetch.Listed? TryReadProps(IDocument document, ParseContext context, ILogger logger, out string problem)
    {
        var hosts = document.QuerySelectorAll("[data-target='DailyPapers']");
        if (hosts.Length == 0)
        {
            problem = "the Daily Papers page has no data-target=DailyPapers element";
            return null;
        }

        // GetAttribute returns the attribute HTML-unescaped: &quot; is already a quote here.
        var props = hosts.Select(h => h.GetAttribute("data-props")).FirstOrDefault(p => p is not null);
        if (props is null)
        {
            problem = "the DailyPapers element of the Daily Papers page has no data-props";
            return null;
        }

        if (!Json.TryParse(props, out var json, out var error))
        {
            problem = $"{PropsWhat} is not valid JSON ({error})";
            return null;
        }

        using (json)
        {
            if (PropsReader.TryRead(json.RootElement, PropsWhat, context, logger, out var listed, out var propsProblem))
            {
                problem = "";
                return listed;
            }

            problem = propsProblem;
            return null;
        }
    }
}
