using Microsoft.Extensions.Time.Testing;
using PaperBot.ConsoleChannel;
using PaperBot.Core.Commands;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Hosting;

/// <summary>
/// The whole host reading each real shape of the listing (saved through HuggingFace:ListingFile): <c>/papers today</c>
/// names the listing's papers-day and lists every paper of it, on the day itself and after a weekend.
/// </summary>
public sealed class RealListingShapesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-shape-tests", Guid.NewGuid().ToString("N"));

    public RealListingShapesTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData(ListingFixtures.DayPage2026, "2026-09-28T12:00:00Z", "Daily Papers for Mon, Sep 28, 2026", 28, null)]
    [InlineData(ListingFixtures.DayPage2024, "2024-08-01T12:00:00Z", "Daily Papers for Thu, Aug 1, 2024", 13, null)]
    [InlineData(ListingFixtures.ApiJune, "2026-06-12T18:00:00Z", "Daily Papers for Fri, Jun 12, 2026", 30, null)]
    [InlineData(ListingFixtures.ApiAugust, "2026-08-03T09:00:00Z", "Daily Papers for Mon, Aug 3, 2026", 3, null)]
    [InlineData(ListingFixtures.ApiJune, "2026-06-14T10:00:00Z", "Daily Papers for Fri, Jun 12, 2026", 30,
        "Daily Papers are not listed on weekends (Sun, Jun 14, 2026); here is the latest papers-day, Fri, Jun 12, 2026.")]
    public async Task Today_RealShape_NamesTheListingsDayAndListsEveryPaper(string fixture, string now, string heading, int total, string? notice)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        string[] arguments = [.. HostRun.Arguments("http://127.0.0.1:9", Path.Combine(_folder, "paperbot.db"),
            $"--HuggingFace:ListingFile={ListingFixtures.PathOf(fixture)}")];
        await using var run = await HostRun.StartAsync(arguments, time);
        var dispatcher = run.Get<CommandDispatcher>();
        var context = new CommandContext(ConsoleChannelInfo.Channel, ConsoleChannelInfo.User, true);

        var pages = new List<PaperListResult>();
        for (var page = 1; pages.Sum(p => p.Papers.Count) < total && page <= 5; page++)
        {
            pages.Add(Assert.IsType<PaperListResult>(await dispatcher.ExecuteAsync(context, $"/papers today --page {page}", CancellationToken.None)));
        }

        var first = pages[0];
        Assert.Equal(heading, first.Heading);
        Assert.Equal(total, first.Total);
        Assert.Equal(notice, first.Notice);
        Assert.Equal(total, pages.SelectMany(p => p.Papers).Select(p => p.ArxivId).Distinct().Count());
        Assert.Contains($"{heading} (1-{Math.Min(10, total)} of {total})", new ConsoleRenderer().Render(first), StringComparison.Ordinal);
    }
}
