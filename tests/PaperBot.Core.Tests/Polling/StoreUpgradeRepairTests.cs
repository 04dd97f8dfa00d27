using PaperBot.Core.Commands;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Polling;
using PaperBot.Core.Query;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Polling;

/// <summary>
/// A bot upgraded over a store whose papers-days were arXiv dates: without the user doing anything, the first poll
/// after the upgrade gives every paper of the last week the day the listing names, so today, previews and thresholds are right.
/// </summary>
public sealed class StoreUpgradeRepairTests : IDisposable
{
    private static readonly DateOnly Friday = new(2026, 6, 12);
    private static readonly DateOnly Thursday = Friday.AddDays(-1);
    private static readonly IReadOnlyList<Paper> FridayPapers = ListingFixtures.ApiPapers(ListingFixtures.ApiJune);

    private static readonly Paper[] ThursdayPapers =
    [
        TestPapers.Make("2606.00101", "Agents that plan tool use", upvotes: 12, listedOn: Thursday) with
            { PublishedAt = new DateTimeOffset(2026, 6, 2, 17, 0, 0, TimeSpan.Zero) },
        TestPapers.Make("2606.00102", "Robots that grasp", upvotes: 3, listedOn: Thursday) with
            { PublishedAt = new DateTimeOffset(2026, 6, 9, 0, 0, 0, TimeSpan.Zero) },
    ];

    private readonly TestBot _bot;

    public StoreUpgradeRepairTests()
    {
        // The earlier version was down on Friday and first saw Friday's papers on Saturday morning.
        var seen = new DateTimeOffset(2026, 6, 13, 7, 30, 0, TimeSpan.Zero);
        _bot = new TestBot(now: new DateTimeOffset(2026, 6, 14, 10, 0, 0, TimeSpan.Zero), seed: path => LegacyStore.Write(path,
            [.. FridayPapers, .. ThursdayPapers], p => p.ListedOn == Thursday ? new DateTimeOffset(2026, 6, 11, 6, 0, 0, TimeSpan.Zero) : seen,
            lastListedDay: FridayPapers.Max(LegacyStore.WrongDay)));

        // What Hugging Face answers: Friday's papers are the latest; a weekend day redirects to Friday's page.
        _bot.Listing.ThenListed([.. FridayPapers]);
        foreach (var day in Enumerable.Range(-7, 9).Select(Friday.AddDays))
        {
            _bot.Listing.ForDay(day, [.. day == Thursday ? ThursdayPapers : day >= Friday ? FridayPapers : []]);
        }
    }

    public void Dispose() => _bot.Dispose();

    private Task PollAsync() => _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);

    [Fact]
    public async Task FirstPollAfterTheUpgrade_EveryPaperOfTheWeekGetsTheListingsDay()
    {
        Assert.Single(_bot.Store.Upgrades);
        Assert.NotNull(_bot.Store.GetPollState().RecheckFrom);

        await PollAsync();

        Assert.All(FridayPapers, p => Assert.Equal((Friday, PaperDaySource.Listing), (_bot.Store.Find(p.ArxivId)!.ListedOn, _bot.Store.Find(p.ArxivId)!.ListedOnSource)));
        Assert.All(ThursdayPapers, p => Assert.Equal(Thursday, _bot.Store.Find(p.ArxivId)!.ListedOn));
        Assert.Null(_bot.Store.GetPollState().RecheckFrom);
        Assert.Empty(_bot.Publisher.Posts);
    }

    [Fact]
    public async Task FirstPollAfterTheUpgrade_TodayShowsFridayWithEveryPaperAndTheWeekendNote()
    {
        await PollAsync();

        var list = await _bot.RunAsync<PaperListResult>("/papers today");

        Assert.Equal("Daily Papers for Fri, Jun 12, 2026", list.Heading);
        Assert.Equal(30, list.Total);
        Assert.Equal("Daily Papers are not listed on weekends (Sun, Jun 14, 2026); here is the latest papers-day, Fri, Jun 12, 2026.", list.Notice);
    }

    [Fact]
    public async Task FirstPollAfterTheUpgrade_SubscribePreviewCountsTheWeeksPapers()
    {
        await PollAsync();
        var query = TopicQuery.Parse("agents");
        var expected = FridayPapers.Concat(ThursdayPapers).Count(query.Matches);
        Assert.InRange(expected, 2, 40);

        var answer = await _bot.RunAsync<ConfirmationResult>("/papers subscribe agents");

        Assert.Contains($"In the last 7 days it would have matched {expected} papers", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstPollAfterTheUpgrade_UpvoteThresholdWindowCountsFromTheListingDay()
    {
        await PollAsync();
        // A Thursday paper published on arXiv ten days earlier: its old day was far outside the 3-day window.
        var paper = ThursdayPapers[0];
        await _bot.RunAsync("/papers subscribe agents --min-upvotes 40");
        _bot.Listing.ForDay(Thursday, [paper with { Upvotes = 45 }, ThursdayPapers[1]]);
        _bot.Listing.ThenListed([.. FridayPapers]);

        await PollAsync();
        await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);

        var post = Assert.Single(_bot.Publisher.Posts, p => p.Post.Paper.ArxivId == paper.ArxivId);
        Assert.Equal(45, post.Post.Paper.Upvotes);
    }

    [Fact]
    public async Task DaysThatCouldNotBeReadAgain_AreRetriedAtTheNextPoll()
    {
        _bot.Listing.ForDayUnreachable(Thursday);

        await PollAsync();
        Assert.NotNull(_bot.Store.GetPollState().RecheckFrom);
        Assert.Equal(PaperDaySource.Estimated, _bot.Store.Find(ThursdayPapers[0].ArxivId)!.ListedOnSource);

        _bot.Listing.ForDay(Thursday, ThursdayPapers);
        await PollAsync();

        Assert.Null(_bot.Store.GetPollState().RecheckFrom);
        Assert.All(ThursdayPapers, p => Assert.Equal((Thursday, PaperDaySource.Listing), (_bot.Store.Find(p.ArxivId)!.ListedOn, _bot.Store.Find(p.ArxivId)!.ListedOnSource)));
    }
}
