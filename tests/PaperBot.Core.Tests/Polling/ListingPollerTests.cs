using PaperBot.Core.Listing;
using PaperBot.Core.Outbox;
using PaperBot.Core.Polling;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Polling;

public sealed class ListingPollerTests : IDisposable
{
    private static readonly Papers.Paper Agents = TestPapers.Make("2611.00001", "Agents that plan", abstractText: "Language agents plan.");
    private static readonly Papers.Paper Robots = TestPapers.Make("2611.00002", "Robots that walk", abstractText: "Legged robotics.");
    private static readonly Papers.Paper Both = TestPapers.Make("2611.00003", "Agents for robots", abstractText: "Embodied agents control robots.");

    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private async Task<int> PollAndDeliverAsync()
    {
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        return await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
    }

    private Task Subscribe(string query, Channels.ChannelRef channel) => _bot.RunAsync($"/papers subscribe {query}", channel: channel);

    [Fact]
    public async Task Poll_FirstRun_RecordsEverythingAndPostsNothing()
    {
        await Subscribe("agents", TestBot.General);
        _bot.Listing.ThenListed(Agents, Robots);

        var sent = await PollAndDeliverAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.Publisher.Posts);
        Assert.Equal(2, _bot.Store.Count());
        Assert.True(_bot.Store.GetPollState().Initialized);
        Assert.Equal(ListingHealthStatus.Healthy, _bot.Get<ListingHealth>().Current.Status);
    }

    [Fact]
    public async Task Poll_NewPaper_PostedOnceToEachMatchingChannel()
    {
        await Subscribe("agents", TestBot.General);
        await Subscribe("robots OR robotics", TestBot.Robots);
        _bot.Listing.ThenListed(Agents).ThenListed(Agents, Robots, Both);

        await PollAndDeliverAsync();
        var sent = await PollAndDeliverAsync();

        Assert.Equal(3, sent);
        var posts = _bot.Publisher.Posts.Select(p => (p.Channel.Id, p.Post.Paper.ArxivId)).Order().ToList();
        Assert.Equal([("general", "2611.00003"), ("robots", "2611.00002"), ("robots", "2611.00003")], posts);
        Assert.NotNull(_bot.Store.FindPost(TestBot.Robots, "m1") ?? _bot.Store.FindPost(TestBot.General, "m1"));
    }

    [Fact]
    public async Task Poll_PaperMatchingSeveralTopicsOfOneChannel_PostedOnceNamingAllTopics()
    {
        await Subscribe("agents", TestBot.General);
        await Subscribe("robots", TestBot.General);
        _bot.Listing.ThenListed(Agents).ThenListed(Agents, Both);

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        var post = Assert.Single(_bot.Publisher.Posts);
        Assert.Equal(["agents", "robots"], post.Post.Topics);
    }

    [Fact]
    public async Task Poll_SameListingAgain_PostsNothingTwice()
    {
        await Subscribe("agents", TestBot.General);
        _bot.Listing.ThenListed(Robots).ThenListed(Robots, Agents);

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();
        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        Assert.Single(_bot.Publisher.Posts);
    }

    [Fact]
    public async Task Poll_UpvotesGrow_StoredUpvotesRefreshed()
    {
        _bot.Listing.ThenListed(Agents).ThenListed(Agents with { Upvotes = 77 });

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        Assert.Equal(77, _bot.Store.Find("2611.00001")?.Upvotes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Poll_LayoutChangedOrUnavailable_ChangesNothingAndDegradesHealth(bool layoutChanged)
    {
        await Subscribe("agents", TestBot.General);
        _bot.Listing.ThenListed(Robots).Then(layoutChanged
            ? new ListingFetch.LayoutChanged("no data-props element")
            : new ListingFetch.Unavailable("503 Service Unavailable"));

        await PollAndDeliverAsync();
        var outcome = await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, _bot.Store.Count());
        Assert.Empty(_bot.Publisher.Posts);
        var health = _bot.Get<ListingHealth>().Current;
        Assert.Equal(ListingHealthStatus.Degraded, health.Status);
        Assert.Contains(layoutChanged ? "layout change: no data-props element" : "unreachable: 503", health.Description);
    }

    [Fact]
    public async Task Deliver_TransientFailure_KeptPendingAndSentNextRound()
    {
        await Subscribe("agents", TestBot.General);
        _bot.Listing.ThenListed(Robots).ThenListed(Robots, Agents);
        var failures = 1;
        _bot.Publisher.Answer(TestBot.General, () => failures-- > 0 ? new PublishOutcome.Transient("503 from platform") : null);

        Assert.Equal(0, await PollAndDeliverAsync() + await PollAndDeliverAsync());
        var pending = Assert.Single(_bot.Store.Pending());
        Assert.Equal("503 from platform", pending.LastError);

        Assert.Equal(0, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));
        Assert.InRange(pending.NextAttemptAt!.Value - _bot.Time.GetUtcNow(), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        _bot.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));
        Assert.Empty(_bot.Store.Pending());
        Assert.Single(_bot.Publisher.Posts);
    }

    [Fact]
    public async Task Deliver_UnreachableChannel_PausedWithReasonAndOthersStillServed()
    {
        await Subscribe("agents", TestBot.General);
        await Subscribe("agents", TestBot.Robots);
        _bot.Listing.ThenListed(Robots).ThenListed(Robots, Agents);
        _bot.Publisher.Answer(TestBot.General, () => new PublishOutcome.ChannelUnreachable("PaperBot can no longer post here (403)"));

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        Assert.Equal("robots", Assert.Single(_bot.Publisher.Posts).Channel.Id);
        Assert.Equal("PaperBot can no longer post here (403)", _bot.Store.FindChannel(TestBot.General)?.PausedReason);
        Assert.DoesNotContain(_bot.Store.ActiveSubscriptions(), s => s.Channel == TestBot.General);
        Assert.Single(_bot.Store.Pending());
    }

    [Fact]
    public async Task Deliver_RepeatedTransientFailures_GivesUpAfterMaxAttempts()
    {
        await Subscribe("agents", TestBot.General);
        _bot.Listing.ThenListed(Robots).ThenListed(Robots, Agents);
        _bot.Publisher.Answer(TestBot.General, () => new PublishOutcome.Transient("timeout"));

        for (var i = 0; i < DeliveryDispatcher.MaxAttempts + 3; i++)
        {
            await PollAndDeliverAsync();
            _bot.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Empty(_bot.Store.Pending());
        Assert.Equal(DeliveryState.Failed, _bot.Store.FindDelivery(Delivery.IdFor(TestBot.General, Agents.ArxivId))?.State);
    }

    [Fact]
    public async Task Deliver_PlatformUnavailable_EveryDeliveryOfThePlatformWaitsWithoutCountingAttempts()
    {
        await Subscribe("agents", TestBot.General);
        await Subscribe("agents", TestBot.Robots);
        _bot.Listing.ThenListed(Robots).ThenListed(Robots, Agents);
        var revoked = true;
        _bot.Publisher.Answer(TestBot.General, () => revoked ? new PublishOutcome.PlatformUnavailable("token revoked") : null);
        _bot.Publisher.Answer(TestBot.Robots, () => revoked ? new PublishOutcome.PlatformUnavailable("token revoked") : null);

        for (var i = 0; i < DeliveryDispatcher.MaxAttempts + 2; i++)
        {
            await PollAndDeliverAsync();
        }

        Assert.Equal(2, _bot.Store.Pending().Count);
        Assert.All(_bot.Store.Pending(), d => Assert.Equal(0, d.Attempts));
        Assert.Null(_bot.Store.FindChannel(TestBot.General)?.PausedReason);

        revoked = false;
        Assert.Equal(2, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Poll_PassesTheValidatorsOfTheLastRecordedListing()
    {
        _bot.Listing.Then(new ListingFetch.Listed(TestPapers.Day, [Robots]) { Validators = new ListingValidators("\"e1\"", null) })
            .Then(new ListingFetch.NotModified());

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        Assert.Equal("\"e1\"", _bot.Listing.LastValidators?.ETag);
        Assert.Equal("\"e1\"", _bot.Store.GetPollState().Validators?.ETag);
    }

    [Fact]
    public async Task Poll_RecordingFails_NextPollFetchesInFullAndLosesNothing()
    {
        await Subscribe("agents", TestBot.General);
        _bot.Listing.ThenListed(Robots)
            .Then(new ListingFetch.Listed(TestPapers.Day, [Robots, Agents]) { Validators = new ListingValidators("\"v2\"", null) });
        await PollAndDeliverAsync();
        var failing = new FailingOncePollStore(_bot.Store);
        var poller = _bot.Create<ListingPoller>(failing);

        await Assert.ThrowsAsync<IOException>(() => poller.PollAsync(CancellationToken.None));
        await poller.PollAsync(CancellationToken.None);
        await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);

        Assert.Null(_bot.Listing.LastValidators);
        Assert.Equal("2611.00001", Assert.Single(_bot.Publisher.Posts).Post.Paper.ArxivId);
    }

    private sealed class FailingOncePollStore(IPollStore inner) : IPollStore
    {
        private bool _failed;

        public PollState GetPollState() => inner.GetPollState();

        public void RecordPoll(IReadOnlyList<Papers.Paper> listed, IReadOnlyList<Delivery> newDeliveries, PollState state)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("No space left on device");
            }

            inner.RecordPoll(listed, newDeliveries, state);
        }
    }
}
