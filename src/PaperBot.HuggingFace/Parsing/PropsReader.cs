using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// The Daily Papers props object: <c>{ "dailyPapers": [...], "dateString": "2026-11-24", ... }</c>.
/// Per the listing doc, props without papers are a layout change, never an empty day
/// (a day without papers redirects to an earlier papers-day).
/// </summary>
internal static class PropsReader
{
    /// <param name="what">Names the props' origin in a problem, e.g. "the data-props of the DailyPapers element".</param>
    public static bool TryRead(
        JsonElement props,
        string what,
        ParseContext context,
        ILogger logger,
        [NotNullWhen(true)] out ListingFetch.Listed? listed,
        [NotNullWhen(false)] out string? problem)
    {
        listed = null;
        if (props.ValueKind != JsonValueKind.Object)
        {
            problem = $"{what} is a JSON {props.ValueKind.ToString().ToLowerInvariant()}, not an object";
            return false;
        }

        if (props.Property("dailyPapers") is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0)
        {
            problem = $"{what} holds no papers (dailyPapers is missing or empty)";
            return false;
        }

        // dateString wins over the requested day: an empty day redirects to an earlier papers-day.
        var day = props.Day("dateString") ?? context.RequestedDay;
        var papers = ItemListReader.Read(items, day ?? context.Today, context.Source, logger);
        if (papers.Count == 0)
        {
            problem = $"{what} lists {items.GetArrayLength()} items but none has an arXiv id";
            return false;
        }

        listed = new ListingFetch.Listed(day, papers);
        problem = null;
        return true;
    }
}
