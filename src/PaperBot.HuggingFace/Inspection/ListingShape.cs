namespace PaperBot.HuggingFace.Inspection;

/// <summary>Which of the listing's known shapes a body was recognised as.</summary>
public enum ListingShape
{
    /// <summary>Nothing PaperBot knows: no papers could be read.</summary>
    Unrecognised,

    /// <summary>A day page of the current layout: DailyPapers props with <c>dateString</c>.</summary>
    DayPage,

    /// <summary>A day page of the 2024 layout: DailyPapers props with <c>date</c> (and <c>nextDate</c>), items without <c>submittedOnDailyAt</c>.</summary>
    DayPage2024,

    /// <summary>A page whose DailyPapers props name no day.</summary>
    UndatedPage,

    /// <summary>A saved props object (<c>{ "dailyPapers": [...] }</c>) rather than a page.</summary>
    PropsObject,

    /// <summary>The JSON API's array of items.</summary>
    ApiItems,

    /// <summary>Only the page's visible cards: no abstracts, no authors (the fallback).</summary>
    Cards,
}
