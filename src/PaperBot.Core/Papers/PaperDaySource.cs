namespace PaperBot.Core.Papers;

/// <summary>
/// Where a paper's <see cref="Paper.ListedOn"/> came from. Only <see cref="Listing"/> and <see cref="Requested"/>
/// name the day the paper joined Daily Papers; the others are guesses that a later listing naming the day replaces.
/// </summary>
public enum PaperDaySource
{
    /// <summary>The listing named the day: a day page's date, or the item's <c>submittedOnDailyAt</c>.</summary>
    Listing,

    /// <summary>The day PaperBot asked the listing for, when the answer named none.</summary>
    Requested,

    /// <summary>Guessed from the item's top-level <c>publishedAt</c>, its arXiv publication time.</summary>
    ArxivTime,

    /// <summary>Guessed as the day PaperBot read the listing, when nothing else held a date.</summary>
    FetchDate,

    /// <summary>Estimated by the store upgrade from when PaperBot first saw the paper (stores written before version 2).</summary>
    Estimated,
}
