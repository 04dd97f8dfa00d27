using PaperBot.Core.Outbox;
using PaperBot.Core.Polling;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Polling;

public sealed class ThresholdAndCatchUpTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private readonly TestBot _bot = new(now: new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    private async Task PollAndDeliverAsync()
    {
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MinUpvotes_PaperReachesTheThresholdLater_PostedThenAndOnlyOnce()
    {
        var early = TestPapers.Make("2611.00001", "Agents that plan", upvotes: 2, listedOn: Tuesday);
        await _bot.RunAsync("/papers subscribe agents --min-upvotes 10");
        await _bot.RunAsync("/papers subscribe agents", channel: TestBot.Robots);
        _bot.Listing.ThenListed(TestPapers.Make("2611.00009", "Robots", listedOn: Tuesday))
            .ThenListed(early)
            .ThenListed(early with { Upvotes = 9 })
            .ThenListed(early with { Upvotes = 12 })
            .ThenListed(early with { Upvotes = 30 });

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();
        Assert.Equal([TestBot.Robots], _bot.Publisher.Posts.Select(p => p.Channel));

        await PollAndDeliverAsync();
        Assert.Single(_bot.Publisher.Posts);

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();
        var late = Assert.Single(_bot.Publisher.Posts, p => p.Channel == TestBot.General);
        Assert.Equal(12, late.Post.Paper.Upvotes);
        Assert.Equal(["agents"], late.Post.Topics);
    }

    [Fact]
    public async Task MinUpvotes_ThresholdReachedAfterTheWindow_NotPosted()
    {
        var old = TestPapers.Make("2611.00001", "Agents that plan", upvotes: 2, listedOn: Tuesday.AddDays(-4));
        _bot.Store.RecordPoll([old], [], new PaperBot.Core.Storage.PollState(true, _bot.Time.GetUtcNow(), old.ListedOn));
        await _bot.RunAsync("/papers subscribe agents --min-upvotes 10");
        _bot.Listing.ThenListed(old with { Upvotes = 50, ListedOn = Tuesday });

        await PollAndDeliverAsync();

        Assert.Empty(_bot.Publisher.Posts);
    }

    [Fact]
    public async Task MinUpvotes_RefreshesTheEarlierDaysOfTheWindow()
    {
        var monday = TestPapers.Make("2611.00001", "Agents that plan", upvotes: 2, listedOn: Monday);
        await _bot.RunAsync("/papers subscribe agents --min-upvotes 10");
        var tuesday = TestPapers.Make("2611.00009", "Robots", listedOn: Tuesday);
        _bot.Listing.ThenListed(monday).ThenListed(tuesday);
        await PollAndDeliverAsync();

        _bot.Listing.ForDay(Monday, monday with { Upvotes = 11 });
        await PollAndDeliverAsync();

        Assert.Equal("2611.00001", Assert.Single(_bot.Publisher.Posts).Post.Paper.ArxivId);
        Assert.Contains(Monday, _bot.Listing.DaysFetched);
    }

    [Fact]
    public async Task ListingMovesToANewDay_PapersAddedLateToThePreviousDayAreNotMissed()
    {
        await _bot.RunAsync("/papers subscribe agents");
        var first = TestPapers.Make("2611.00001", "Robots", listedOn: Monday);
        var lateMonday = TestPapers.Make("2611.00002", "Agents added late on Monday", listedOn: Monday);
        _bot.Listing.ThenListed(first).ThenListed(TestPapers.Make("2611.00009", "Vision", listedOn: Tuesday)).ForDay(Monday, first, lateMonday);

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        Assert.Equal("2611.00002", Assert.Single(_bot.Publisher.Posts).Post.Paper.ArxivId);
        Assert.Equal([Monday], _bot.Listing.DaysFetched);
    }

    [Fact]
    public async Task SameDayPolls_FetchNoEarlierDays()
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(TestPapers.Make("2611.00001", "Robots", listedOn: Tuesday));

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        Assert.Empty(_bot.Listing.DaysFetched);
    }
}
