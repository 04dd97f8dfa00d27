using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Hosting;

/// <summary><c>paperbot listing check</c> as an operator runs it: the real executable, on a file and on a URL.</summary>
public sealed class ListingCheckProcessTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        await using var bot = BotProcess.Start(["listing", "check", .. arguments], new Dictionary<string, string>(), closeInput: true);
        var exit = await bot.WaitForExitAsync();
        return (exit, bot.Stdout, bot.Stderr);
    }

    [Fact]
    public async Task ListingCheck_SavedFile_PrintsTheReportAndExitsZero()
    {
        var (exit, stdout, _) = await RunAsync(ListingFixtures.PathOf(ListingFixtures.DayPage2024));

        Assert.Equal(0, exit);
        Assert.Contains("Papers-day: 2024-08-01 (Thu, Aug 1, 2024), from the page's date", stdout, StringComparison.Ordinal);
        Assert.Contains("Papers:     13", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingCheck_UrlOfALayoutChangedPage_ExitsOneWithTheReason()
    {
        _server.SetPage("/papers", File.ReadAllText(ListingFixtures.PathOf(ListingFixtures.LayoutChanged)));

        var (exit, stdout, stderr) = await RunAsync($"{_server.BaseUrl}/papers");

        Assert.Equal(1, exit);
        Assert.Contains("PaperBot cannot read this listing", stdout, StringComparison.Ordinal);
        Assert.Contains("the page layout probably changed", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingCheck_ConfiguredApiListing_ReadsTheLatestDay()
    {
        await using var bot = BotProcess.Start(["listing", "check"], new Dictionary<string, string>
        {
            ["PaperBot__HuggingFace__BaseUrl"] = _server.BaseUrl,
            ["PaperBot__HuggingFace__Mode"] = "Api",
        }, closeInput: true);

        Assert.Equal(0, await bot.WaitForExitAsync());
        Assert.Contains("Papers-day: 2026-06-12 (Fri, Jun 12, 2026), from the items' paper.submittedOnDailyAt", bot.Stdout, StringComparison.Ordinal);
        Assert.Contains("Papers:     30", bot.Stdout, StringComparison.Ordinal);
    }
}
