using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// A JSON body: the API's array of items, or (from a saved file) a props object with <c>dailyPapers</c>.
/// </summary>
internal static class JsonListingReader
{
    public static ListingFetch Read(string body, ParseContext context, ILogger logger)
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
                return PropsReader.TryRead(root, "the JSON object", context, logger, out var listed, out var problem)
                    ? listed
                    : LayoutChanged(context, problem);
            }

            return root.ValueKind == JsonValueKind.Array
                ? ReadArray(root, context, logger)
                : LayoutChanged(context, NotAListProblem(root));
        }
    }

    private static ListingFetch ReadArray(JsonElement items, ParseContext context, ILogger logger)
    {
        var count = items.GetArrayLength();
        if (count == 0)
        {
            // The API answers [] for a day without papers (it does not redirect like the page does),
            // but the latest papers-day is never empty.
            return context.RequestedDay is { } day
                ? new ListingFetch.Listed(day, [])
                : LayoutChanged(context, "the API returned an empty list for the latest papers-day");
        }

        var papers = ItemListReader.Read(items, context.RequestedDay ?? context.Today, context.Source, logger);
        if (papers.Count == 0)
        {
            return LayoutChanged(context, $"the API returned {count} items but none has a paper with an arXiv id");
        }

        if (count >= Http.ListingUrls.ApiPageSize)
        {
            Log.MaybeTruncated(logger, context.Source, count);
        }

        // The latest-papers answer may span several papers-days; name a day only when it is unambiguous.
        var listedDays = papers.Select(p => p.ListedOn).Distinct().Take(2).ToArray();
        var listDay = context.RequestedDay ?? (listedDays.Length == 1 ? listedDays[0] : null);
        return new ListingFetch.Listed(listDay, papers);
    }

    private static string NotAListProblem(JsonElement root)
    {
        var message = root.String("error") ?? root.String("message");
        var kind = root.ValueKind.ToString().ToLowerInvariant();
        return message is null
            ? $"the answer is a JSON {kind}, not the list of papers the API returns"
            : $"the answer is a JSON {kind} saying \"{message}\", not the list of papers the API returns";
    }

    private static ListingFetch.LayoutChanged LayoutChanged(ParseContext context, string problem) =>
        new($"{problem} at {context.Source}: the API's format probably changed; PaperBot changed nothing");
}
