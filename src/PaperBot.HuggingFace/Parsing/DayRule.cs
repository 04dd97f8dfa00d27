using System.Text.Json;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// Which papers-day an item belongs to, per the listing doc: the day page's own date for every paper on it, else
/// the item's <c>paper.submittedOnDailyAt</c>, else the day asked for, else the item's top-level <c>publishedAt</c>
/// (its arXiv time, so only a guess), else the day the listing was read.
/// </summary>
/// <param name="PageDay">The day a page names for all its papers (its <c>dateString</c> or <c>date</c>), if any.</param>
internal sealed record DayRule(DateOnly? PageDay, DayField PageDayField, DateOnly? Requested, DateOnly Today)
{
    public static DayRule ForItems(ParseContext context) => new(null, DayField.DateString, context.RequestedDay, context.Today);

    public (DateOnly Day, DayField From) For(JsonElement item, JsonElement inner)
    {
        if (PageDay is { } page)
        {
            return (page, PageDayField);
        }

        if (inner.Timestamp("submittedOnDailyAt") is { } submitted)
        {
            return (submitted.UtcDate(), DayField.SubmittedOnDailyAt);
        }

        if (Requested is { } requested)
        {
            return (requested, DayField.RequestedDay);
        }

        return item.Timestamp("publishedAt") is { } published
            ? (published.UtcDate(), DayField.TopLevelPublishedAt)
            : (Today, DayField.FetchDate);
    }

    public static PaperDaySource SourceOf(DayField field) => field switch
    {
        DayField.DateString or DayField.Date or DayField.SubmittedOnDailyAt or DayField.CanonicalUrl => PaperDaySource.Listing,
        DayField.RequestedDay => PaperDaySource.Requested,
        DayField.TopLevelPublishedAt => PaperDaySource.ArxivTime,
        _ => PaperDaySource.FetchDate,
    };
}
