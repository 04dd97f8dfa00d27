namespace PaperBot.HuggingFace.Inspection;

/// <summary>The field a papers-day was read from, best first.</summary>
public enum DayField
{
    /// <summary>The page props' <c>dateString</c> (current pages).</summary>
    DateString,

    /// <summary>The page props' <c>date</c> (pages of 2024).</summary>
    Date,

    /// <summary>The item's <c>paper.submittedOnDailyAt</c> (API items, current page items).</summary>
    SubmittedOnDailyAt,

    /// <summary>The page's canonical URL (<c>/papers/date/YYYY-MM-DD</c>), for the cards fallback.</summary>
    CanonicalUrl,

    /// <summary>The day PaperBot asked for.</summary>
    RequestedDay,

    /// <summary>The item's top-level <c>publishedAt</c>, its arXiv time: a guess.</summary>
    TopLevelPublishedAt,

    /// <summary>The day the listing was read: a last-resort guess.</summary>
    FetchDate,
}
