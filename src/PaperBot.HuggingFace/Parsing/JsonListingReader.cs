using System.Text.Json;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// A JSON body: the API's array of items, or (from a saved file) a props object with <c>dailyPapers</c>.
/// </summary>
internal static class JsonListingReader
{
    public static ListingInspection Read(string body, ParseContext context, ParseNotes notes)
    {
        if (!Json.TryParse(body, out var document, out var error))
        {
            return LayoutChanged(context, $"the answer is not valid JSON ({error})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.Property("dailyPapers") is not null)
            {
                return PropsReader.TryRead(root, "the JSON object", onPage: false, context, notes, out var listed, out var problem)
                    ? listed
                    : LayoutChanged(context, problem);
            }

            return root.ValueKind == JsonValueKind.Array
                ? ReadArray(root, context, notes)
                : LayoutChanged(context, NotAListProblem(root));
        }
    }

    private static ListingInspection ReadArray(JsonElement items, ParseContext context, ParseNotes notes)
    {
        var count = items.GetArrayLength();
        if (count == 0)
        {
            // The API answers [] for a day without papers (it does not redirect like the page does),
            // but the latest papers-day is never empty.
            return context.RequestedDay is { } day
                ? new ListingInspection(context.Source, ListingShape.ApiItems, new ListingFetch.Listed(day, []), DayField.RequestedDay, [], notes.All)
                : LayoutChanged(context, "the API returned an empty list for the latest papers-day");
        }

        var papers = ItemListReader.Read(items, DayRule.ForItems(context), notes);
        if (papers.Count == 0)
        {
            return LayoutChanged(context, $"the API returned {count} items but none has a paper with an arXiv id");
        }

        if (count >= Http.ListingUrls.ApiPageSize)
        {
            notes.Warn($"the API returned {count} papers, its page size; papers past the first page may be missing");
        }

        ItemDays.Describe(papers, notes);

        // The latest-papers answer may span several papers-days (newest first); it shows the newest one the items name.
        var listDay = context.RequestedDay ?? ItemDays.NewestNamedDay(papers);
        DayField? from = context.RequestedDay is not null ? DayField.RequestedDay : listDay is null ? null : DayField.SubmittedOnDailyAt;
        return new ListingInspection(context.Source, ListingShape.ApiItems, new ListingFetch.Listed(listDay, [.. papers.Select(p => p.Paper)]),
            from, papers, notes.All);
    }

    private static string NotAListProblem(JsonElement root)
    {
        var message = root.String("error") ?? root.String("message");
        var kind = root.ValueKind.ToString().ToLowerInvariant();
        return message is null
            ? $"the answer is a JSON {kind}, not the list of papers the API returns"
            : $"the answer is a JSON {kind} saying \"{message}\", not the list of papers the API returns";
    }

    private static ListingInspection LayoutChanged(ParseContext context, string problem) =>
        ListingInspection.ResultOnly(context.Source,
            new ListingFetch.LayoutChanged($"{problem} at {context.Source}: the API's format probably changed; PaperBot changed nothing"));
}
