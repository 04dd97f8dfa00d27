namespace PaperBot.Testing;

/// <summary>The saved listings of tests/PaperBot.Testing/Fixtures (invented text, real shapes), copied next to every test assembly.</summary>
public static class ListingFixtures
{
    public const string Page = "daily-papers.html";
    public const string Api = "daily-papers-api.json";
    public const string CardsOnly = "cards-only.html";
    public const string LayoutChanged = "layout-changed.html";

    /// <summary>A Monday page of the current layout: eight hydrater elements, about 0.4 MB, 28 papers of 2026-09-28.</summary>
    public const string DayPage2026 = "day-page-2026-09-28.html";

    /// <summary>A page of the 2024 layout (<c>date</c>, <c>nextDate</c>, no <c>submittedOnDailyAt</c>): 13 papers of 2024-08-01.</summary>
    public const string DayPage2024 = "day-page-2024-08-01.html";

    /// <summary>An API answer for 2026-06-12 (a Friday) with <c>ai_summary</c>/<c>ai_keywords</c>: 30 items.</summary>
    public const string ApiJune = "api-2026-06-12.json";

    /// <summary>An API answer for 2026-08-03 (a Monday): 3 items published on arXiv days before.</summary>
    public const string ApiAugust = "api-2026-08-03.json";

    /// <summary>The papers-day the older fixtures (page, API, cards, layout change) show.</summary>
    public static readonly DateOnly Day = new(2026, 11, 24);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>
    /// The papers of an API fixture as the listing means them (the day from <c>paper.submittedOnDailyAt</c>, the arXiv time
    /// from <c>paper.publishedAt</c>), read with plain JSON rather than PaperBot's parser, for tests that seed a store.
    /// </summary>
    public static IReadOnlyList<PaperBot.Core.Papers.Paper> ApiPapers(string name)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Read(name));
        return [.. document.RootElement.EnumerateArray().Select(item =>
        {
            var paper = item.GetProperty("paper");
            return new PaperBot.Core.Papers.Paper
            {
                ArxivId = paper.GetProperty("id").GetString()!,
                Title = paper.GetProperty("title").GetString()!,
                Abstract = paper.GetProperty("summary").GetString()!,
                Authors = [.. paper.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)],
                Upvotes = paper.GetProperty("upvotes").GetInt32(),
                PublishedAt = paper.GetProperty("publishedAt").GetDateTimeOffset(),
                ListedOn = DateOnly.FromDateTime(paper.GetProperty("submittedOnDailyAt").GetDateTimeOffset().UtcDateTime),
            };
        })];
    }
}
