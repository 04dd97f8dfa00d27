using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Polling;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Outbox;

public sealed class DeliveryGuaranteesTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private static Paper Agents(int n, int upvotes = 1) => TestPapers.Make($"2611.{n:00000}", $"Agents {n}", upvotes: upvotes);

    private async Task<int> PollAndDeliverAsync()
    {
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        return await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CatchUp_MoreThanTheLimitForOneChannel_TopTenPostedTheRestInOneSummary_NeverLaterOnTheirOwn()
    {
        await _bot.RunAsync("/papers subscribe agents");
        await _bot.RunAsync("/papers subscribe agents --min-upvotes 1", channel: TestBot.Robots);
        var many = Enumerable.Range(1, 15).Select(i => Agents(i, upvotes: i)).ToArray();
        _bot.Listing.ThenListed(TestPapers.Make("2611.09999", "Robots")).ThenListed(many);

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();
        await PollAndDeliverAsync();

        foreach (var channel in new[] { TestBot.General, TestBot.Robots })
        {
            var posts = _bot.Publisher.Posts.Where(p => p.Channel == channel).ToList();
            Assert.Equal(11, posts.Count);
            var singles = posts.Where(p => p.Message is PaperPosted).Select(p => p.Post.Paper.Upvotes).Order().ToList();
            Assert.Equal(Enumerable.Range(6, 10), singles);
            var summary = Assert.Single(posts, p => p.Message is DigestPost).AsDigest();
            Assert.Equal("5 more new papers while I was away", summary.Heading);
            Assert.Equal([5, 4, 3, 2, 1], summary.Papers.Select(p => p.Upvotes));
        }
    }

    [Fact]
    public async Task InFlightAfterACrash_FoundOnThePlatform_IsRecordedNotResent()
    {
        var (delivery, publisher) = await CrashedMidSendAsync(found: "m-landed");

        Assert.Equal(1, await _bot.Create<DeliveryDispatcher>(new[] { (IChannelPublisher)publisher }.AsEnumerable()).DeliverPendingAsync(CancellationToken.None));

        Assert.Empty(publisher.Inner.Posts);
        Assert.Equal("m-landed", _bot.Store.FindDelivery(delivery.Id)?.MessageId);
        Assert.NotNull(_bot.Store.FindPost(TestBot.General, "m-landed"));
    }

    [Fact]
    public async Task InFlightAfterACrash_NotFound_IsSentAgainOnce()
    {
        var (delivery, publisher) = await CrashedMidSendAsync(found: null);
        var dispatcher = _bot.Create<DeliveryDispatcher>(new[] { (IChannelPublisher)publisher }.AsEnumerable());

        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(delivery.Id, Assert.Single(publisher.Inner.Posts).DeliveryId);
        Assert.Equal(DeliveryState.Sent, _bot.Store.FindDelivery(delivery.Id)?.State);
    }

    [Fact]
    public async Task Transient_WithRetryAfter_WaitsExactlyThatLong()
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(TestPapers.Make("2611.09999", "Robots")).ThenListed(Agents(1));
        var limited = true;
        _bot.Publisher.Answer(TestBot.General, () => limited ? new PublishOutcome.Transient("429", TimeSpan.FromSeconds(7)) : null);

        await PollAndDeliverAsync();
        await PollAndDeliverAsync();
        limited = false;
        var pending = Assert.Single(_bot.Store.Pending());

        Assert.Equal(_bot.Time.GetUtcNow().AddSeconds(7), pending.NextAttemptAt);
        _bot.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));
        _bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SlowChannel_DoesNotHoldUpTheOthers()
    {
        await _bot.RunAsync("/papers subscribe agents");
        await _bot.RunAsync("/papers subscribe agents", channel: TestBot.Robots);
        _bot.Listing.ThenListed(TestPapers.Make("2611.09999", "Robots")).ThenListed(Agents(1));
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        var slow = new GatedPublisher(_bot.Publisher, TestBot.General);
        var dispatcher = _bot.Create<DeliveryDispatcher>(new[] { (IChannelPublisher)slow }.AsEnumerable());

        var round = dispatcher.DeliverPendingAsync(CancellationToken.None);
        await _bot.Publisher.WaitForPostsAsync(1);

        Assert.Equal(TestBot.Robots, Assert.Single(_bot.Publisher.Posts).Channel);
        Assert.False(round.IsCompleted);
        slow.Gate.SetResult();
        Assert.Equal(2, await round.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private async Task<(Delivery Delivery, ReconcilingPublisher Publisher)> CrashedMidSendAsync(string? found)
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(TestPapers.Make("2611.09999", "Robots")).ThenListed(Agents(1));
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        var delivery = Assert.Single(_bot.Store.Pending());
        _bot.Store.MarkInFlight(delivery.Id);
        return (delivery, new ReconcilingPublisher(_bot.Publisher, found));
    }

    private sealed class ReconcilingPublisher(RecordingPublisher inner, string? found) : IChannelPublisher
    {
        public RecordingPublisher Inner => inner;

        public string Platform => inner.Platform;

        public Task<string?> FindDeliveredAsync(ChannelRef channel, string deliveryId, CancellationToken cancellationToken) => Task.FromResult(found);

        public Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken) =>
            inner.PublishAsync(channel, post, deliveryId, cancellationToken);
    }

    private sealed class GatedPublisher(RecordingPublisher inner, ChannelRef slowChannel) : IChannelPublisher
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Platform => inner.Platform;

        public async Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken)
        {
            if (channel == slowChannel)
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }

            return await inner.PublishAsync(channel, post, deliveryId, cancellationToken);
        }
    }
}
