using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Inspection;

/// <summary><c>paperbot listing check [file|url]</c>: what PaperBot understands of a listing, for operators and bug reports.</summary>
public sealed class ListingCheckTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(int Exit, string Output, string Error)> CheckAsync(params string[] args)
    {
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("MaxRetries", "0"));
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await ListingCli.RunAsync(harness.Services, args, output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Check_SavedCurrentDayPage_ReportsShapeDayCountAndFields()
    {
        var (exit, output, _) = await CheckAsync("check", ListingFixtures.PathOf(ListingFixtures.DayPage2026));

        Assert.Equal(0, exit);
        Assert.Contains("Shape:      day page, current layout (DailyPapers props with dateString)", output, StringComparison.Ordinal);
        Assert.Contains("Papers-day: 2026-09-28 (Mon, Sep 28, 2026), from the page's dateString", output, StringComparison.Ordinal);
        Assert.Contains("Papers:     28", output, StringComparison.Ordinal);
        Assert.Contains("  title                  28 of 28", output, StringComparison.Ordinal);
        Assert.Contains("  ai_keywords             0 of 28  (none)", output, StringComparison.Ordinal);
        Assert.Contains("Result:     PaperBot reads this listing: 28 papers.", output, StringComparison.Ordinal);
        // One line per paper, with its own day and where that came from.
        Assert.Equal(28, output.Split('\n').Count(l => l.Contains(" 2026-09-28 dateString ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_Saved2024Page_NamesTheOldLayoutAndItsDateField()
    {
        var (exit, output, _) = await CheckAsync("check", ListingFixtures.PathOf(ListingFixtures.DayPage2024));

        Assert.Equal(0, exit);
        Assert.Contains("day page, 2024 layout", output, StringComparison.Ordinal);
        Assert.Contains("Papers-day: 2024-08-01 (Thu, Aug 1, 2024), from the page's date", output, StringComparison.Ordinal);
        Assert.Contains("  submittedOnDailyAt      0 of 13  (none)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ApiAnswerAtAUrl_ReadsItOverHttp()
    {
        _server.SetJson("/api/daily_papers", ListingFixtures.Read(ListingFixtures.ApiJune));

        var (exit, output, _) = await CheckAsync("check", $"{_server.BaseUrl}/api/daily_papers?date=2026-06-12");

        Assert.Equal(0, exit);
        Assert.Contains("Shape:      JSON API answer (an array of items)", output, StringComparison.Ordinal);
        Assert.Contains("Papers-day: 2026-06-12 (Fri, Jun 12, 2026), from the items' paper.submittedOnDailyAt", output, StringComparison.Ordinal);
        Assert.Contains("Papers:     30", output, StringComparison.Ordinal);
        Assert.Equal("?date=2026-06-12", Assert.Single(_server.Requests).Query);
    }

    [Fact]
    public async Task Check_NoTarget_ReadsTheConfiguredListing()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.DayPage2026));

        var (exit, output, _) = await CheckAsync("check");

        Assert.Equal(0, exit);
        Assert.Contains($"Listing:    {_server.BaseUrl}/papers", output, StringComparison.Ordinal);
        Assert.Equal("/papers", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task Check_LayoutChangedPage_ExitsOneWithTheReason()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.LayoutChanged));

        var (exit, output, _) = await CheckAsync("check", $"{_server.BaseUrl}/papers");

        Assert.Equal(1, exit);
        Assert.Contains("Shape:      not recognised", output, StringComparison.Ordinal);
        Assert.Contains("Result:     PaperBot cannot read this listing: ", output, StringComparison.Ordinal);
        Assert.Contains("the page layout probably changed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnreachableUrl_ExitsOneAndSaysWhy()
    {
        var (exit, output, _) = await CheckAsync("check", $"{_server.BaseUrl}/nowhere");

        Assert.Equal(1, exit);
        Assert.Contains("Hugging Face answered 404", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FileOverTheReadLimit_SaysHowLargeItIs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paperbot-large-{Guid.NewGuid():N}.html");
        using (var file = File.Create(path))
        {
            file.SetLength(35L * 1024 * 1024);
        }

        try
        {
            var (exit, output, _) = await CheckAsync("check", path);

            Assert.Equal(1, exit);
            Assert.Contains($"the listing file {path} is 35 MB, over the 32 MB limit", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Check_ItemsWithGuessedDays_WarnsAndStillExitsZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paperbot-guess-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """[{"paper":{"id":"2611.00001","title":"A","summary":"S","authors":[{"name":"X"}]},"publishedAt":"2026-11-20T20:00:00.000Z"}]""");
        try
        {
            var (exit, output, _) = await CheckAsync("check", path);

            Assert.Equal(0, exit);
            Assert.Contains("Papers-day: none named", output, StringComparison.Ordinal);
            Assert.Contains("  - 1 of 1 papers have no paper.submittedOnDailyAt; their papers-day was guessed from their top-level publishedAt", output, StringComparison.Ordinal);
            Assert.Contains("with 1 warning above", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("inspect")]
    [InlineData("check", "a", "b")]
    public async Task Check_WrongWords_PrintsUsage(params string[] args)
    {
        var (exit, _, error) = await CheckAsync(args);

        Assert.Equal(ListingCli.Usage, exit);
        Assert.Contains("Usage: paperbot listing check [file|url]", error, StringComparison.Ordinal);
    }
}
