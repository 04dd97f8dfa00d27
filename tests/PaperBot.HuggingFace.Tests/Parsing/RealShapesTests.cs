using PaperBot.Core.Listing;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Inspection;
using PaperBot.HuggingFace.Parsing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Parsing;

/// <summary>
/// The listing's real shapes (fixtures with invented text, real structure): every paper gets the papers-day of the
/// listing, never the arXiv date that the item's top-level publishedAt carries.
/// </summary>
public sealed class RealShapesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private readonly ListingParser _parser = new(new CapturingLoggerProvider().CreateLogger<ListingParser>());

    private ListingInspection Inspect(string fixture, DateOnly? requested = null) =>
        _parser.Inspect(ListingFixtures.Read(fixture), new ParseContext(fixture, requested, Today));

    public static TheoryData<string, ListingShape, string, int, DayField> Shapes => new()
    {
        { ListingFixtures.DayPage2026, ListingShape.DayPage, "2026-09-28", 28, DayField.DateString },
        { ListingFixtures.DayPage2024, ListingShape.DayPage2024, "2024-08-01", 13, DayField.Date },
        { ListingFixtures.ApiJune, ListingShape.ApiItems, "2026-06-12", 30, DayField.SubmittedOnDailyAt },
        { ListingFixtures.ApiAugust, ListingShape.ApiItems, "2026-08-03", 3, DayField.SubmittedOnDailyAt },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Inspect_RealShape_NamesTheListingsDayForEveryPaper(string fixture, ListingShape shape, string day, int count, DayField from)
    {
        var inspection = Inspect(fixture);
        var expected = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var listed = Assert.IsType<ListingFetch.Listed>(inspection.Result);
        Assert.Equal(shape, inspection.Shape);
        Assert.Equal(expected, listed.Day);
        Assert.Equal(from, inspection.DayFrom);
        Assert.Equal(count, listed.Papers.Count);
        Assert.All(listed.Papers, p => Assert.Equal(expected, p.ListedOn));
        Assert.All(listed.Papers, p => Assert.Equal(PaperDaySource.Listing, p.ListedOnSource));
        Assert.DoesNotContain(inspection.Notes, n => n.IsWarning);
    }

    [Theory]
    [InlineData(ListingFixtures.DayPage2026)]
    [InlineData(ListingFixtures.ApiJune)]
    [InlineData(ListingFixtures.ApiAugust)]
    public void Inspect_CurrentShapes_KeepTheArxivDateAsPublishedAtBeforeTheDay(string fixture)
    {
        var inspection = Inspect(fixture);

        // paper.publishedAt is the arXiv date: days before the papers-day, which is what the old reading got wrong.
        Assert.All(inspection.Papers, p => Assert.True(
            p.Paper.PublishedAt is { } published && DateOnly.FromDateTime(published.UtcDateTime) < p.Paper.ListedOn,
            $"{p.Paper.ArxivId}: published {p.Paper.PublishedAt}, listed {p.Paper.ListedOn}"));
    }

    [Fact]
    public void Inspect_CurrentDayPage_IsTheRealSizeAndSelectsTheDailyPapersElementByTarget()
    {
        var html = ListingFixtures.Read(ListingFixtures.DayPage2026);

        Assert.InRange(html.Length, 350_000, 500_000);
        Assert.Equal(8, html.Split("class=\"SVELTE_HYDRATER contents\"").Length - 1);
        Assert.Equal(28, Inspect(ListingFixtures.DayPage2026).Papers.Count);
    }

    [Fact]
    public void Inspect_ApiItems_ReportTheFieldsEachCarries()
    {
        var papers = Inspect(ListingFixtures.ApiJune).Papers;

        Assert.All(papers, p => Assert.True(p.Present.HasFlag(ItemFields.Keywords | ItemFields.AiSummary | ItemFields.SubmittedOnDailyAt)));
        Assert.Contains(papers, p => p.Present.HasFlag(ItemFields.Organization));
        Assert.Contains(papers, p => !p.Present.HasFlag(ItemFields.Organization));
        Assert.Contains(papers, p => p.Present.HasFlag(ItemFields.GithubRepo));
        Assert.Contains(papers, p => !p.Present.HasFlag(ItemFields.GithubRepo));
        Assert.All(papers, p => Assert.NotEmpty(p.Paper.Keywords));
    }

    [Fact]
    public void Inspect_DayPage2024_ItemsHaveOnlyTheOldFields()
    {
        var papers = Inspect(ListingFixtures.DayPage2024).Papers;

        Assert.All(papers, p => Assert.False(p.Present.HasFlag(ItemFields.SubmittedOnDailyAt)));
        Assert.All(papers, p => Assert.Equal(DayField.Date, p.DayFrom));
        Assert.All(papers, p => Assert.NotEmpty(p.Paper.Abstract));
    }

    [Fact]
    public void Inspect_DayPageAskedForAnEmptyDay_KeepsThePagesDayAndSaysSo()
    {
        // Hugging Face redirects a day without papers (Sunday 2026-09-27) to an earlier papers-day's page.
        var inspection = Inspect(ListingFixtures.DayPage2026, requested: new DateOnly(2026, 9, 27));

        Assert.Equal(new DateOnly(2026, 9, 28), inspection.Day);
        Assert.Contains(inspection.Notes, n => !n.IsWarning && n.Text.Contains("asked for 2026-09-27", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_ApiItemsOfSeveralNamedDays_ShowsTheNewestAndNotesTheSpread()
    {
        const string Json = """
            [{"paper":{"id":"2611.00001","title":"A","submittedOnDailyAt":"2026-11-24T00:00:00.000Z"},"publishedAt":"2026-11-20T20:00:00.000Z"},
             {"paper":{"id":"2611.00002","title":"B","submittedOnDailyAt":"2026-11-23T00:00:00.000Z"},"publishedAt":"2026-11-19T20:00:00.000Z"}]
            """;

        var inspection = _parser.Inspect(Json, new ParseContext("inline", null, Today));

        Assert.Equal(new DateOnly(2026, 11, 24), inspection.Day);
        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 23)], inspection.Papers.Select(p => p.Paper.ListedOn));
        Assert.Contains(inspection.Notes, n => n.Text.Contains("several papers-days: 2026-11-24 (1), 2026-11-23 (1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_ApiItemsWithoutSubmittedOnDailyAt_WarnThatTheDayIsAGuess()
    {
        const string Json = """[{"paper":{"id":"2611.00001","title":"A","summary":"S","authors":[{"name":"X"}]},"publishedAt":"2026-11-20T20:00:00.000Z"}]""";

        var inspection = _parser.Inspect(Json, new ParseContext("inline", null, Today));

        Assert.Null(inspection.Day);
        Assert.Equal(PaperDaySource.ArxivTime, Assert.Single(inspection.Papers).Paper.ListedOnSource);
        Assert.Contains(inspection.Notes, n => n.IsWarning && n.Text.Contains("1 of 1 papers have no paper.submittedOnDailyAt", StringComparison.Ordinal));
    }
}
