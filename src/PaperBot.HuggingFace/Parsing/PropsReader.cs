using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// The Daily Papers props object: <c>{ "dailyPapers": [...], "dateString": "2026-11-24", ... }</c> on current pages,
/// <c>"date": "2024-08-01T00:00:00.000Z"</c> on pages of 2024. The props' day is the day of every paper on the page.
/// Per the listing doc, props without papers are a layout change, never an empty day
/// (a day without papers redirects to an earlier papers-day).
/// </summary>
internal static class PropsReader
{
    /// <param name="what">Names the props' origin in a problem, e.g. "the data-props of the DailyPapers element".</param>
    /// <param name="onPage">True for a page's props, false for a saved props object.</param>
    public static bool TryRead(
        JsonElement props,
        string what,
        bool onPage,
        ParseContext context,
        ParseNotes notes,
        [NotNullWhen(true)] out ListingInspection? inspection,
        [NotNullWhen(false)] out string? problem)
    {
        inspection = null;
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

        var (pageDay, field, shape) = PageDayOf(props);
        if (pageDay is null)
        {
            notes.Warn($"{what} names no papers-day (no dateString or date); each paper's day comes from its own fields");
        }
        else if (context.RequestedDay is { } asked && asked != pageDay)
        {
            // An empty day redirects to an earlier papers-day, whose page then names its own day.
            notes.Remark($"asked for {Iso(asked)}, the page shows {Iso(pageDay.Value)}: {Iso(asked)} had no papers of its own");
        }

        var papers = ItemListReader.Read(items, new DayRule(pageDay, field, context.RequestedDay, context.Today), notes);
        if (papers.Count == 0)
        {
            problem = $"{what} lists {items.GetArrayLength()} items but none has an arXiv id";
            return false;
        }

        if (pageDay is null)
        {
            ItemDays.Describe(papers, notes);
        }

        var day = pageDay ?? context.RequestedDay ?? ItemDays.NewestNamedDay(papers);
        inspection = new ListingInspection(context.Source, onPage ? shape : ListingShape.PropsObject,
            new ListingFetch.Listed(day, [.. papers.Select(p => p.Paper)]),
            pageDay is null ? (context.RequestedDay is null ? null : DayField.RequestedDay) : field, papers, notes.All);
        problem = null;
        return true;
    }

    private static (DateOnly? Day, DayField Field, ListingShape Shape) PageDayOf(JsonElement props)
    {
        if (props.Day("dateString") is { } current)
        {
            return (current, DayField.DateString, ListingShape.DayPage);
        }

        return props.Day("date") is { } dated
            ? (dated, DayField.Date, ListingShape.DayPage2024)
            : (null, DayField.DateString, ListingShape.UndatedPage);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
