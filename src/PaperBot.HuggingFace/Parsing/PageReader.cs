using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// The server-rendered Daily Papers page: the <c>data-props</c> JSON of <c>[data-target="DailyPapers"]</c>
/// first, the visible cards as a fallback, and a loud <see cref="ListingFetch.LayoutChanged"/> when neither holds papers.
/// </summary>
internal static class PageReader
{
    private const string PropsWhat = "the data-props of the DailyPapers element";

    public static ListingInspection Read(string html, ParseContext context, ParseNotes notes)
    {
        using var document = new HtmlParser().ParseDocument(html);
        if (TryReadProps(document, context, notes, out var problem) is { } listed)
        {
            return listed;
        }

        var (day, dayFrom) = context.RequestedDay is { } requested
            ? (requested, DayField.RequestedDay)
            : PageDay.Find(document) is { } named ? (named, DayField.CanonicalUrl) : (context.Today, DayField.FetchDate);
        var cards = CardReader.Read(document, day, dayFrom);
        if (cards.Count > 0)
        {
            notes.Warn($"{problem}; read {cards.Count} papers from the visible cards instead, so their abstracts and authors are missing");
            var listDay = dayFrom == DayField.FetchDate ? (DateOnly?)null : day;
            return new ListingInspection(context.Source, ListingShape.Cards, new ListingFetch.Listed(listDay, [.. cards.Select(c => c.Paper)]),
                listDay is null ? null : dayFrom, cards, notes.All);
        }

        return ListingInspection.ResultOnly(context.Source, new ListingFetch.LayoutChanged(
            $"{problem} and no paper cards at {context.Source}: the page layout probably changed; PaperBot changed nothing"));
    }

    private static ListingInspection? TryReadProps(IDocument document, ParseContext context, ParseNotes notes, out string problem)
    {
        // A current page has several hydrater elements (MainHeader, ThemeSwitcher, ...): select by target, never by position.
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
            if (PropsReader.TryRead(json.RootElement, PropsWhat, onPage: true, context, notes, out var listed, out var propsProblem))
            {
                problem = "";
                return listed;
            }

            problem = propsProblem;
            return null;
        }
    }
}
