using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Outbox;

/// <summary>
/// Among replicas a channel's lease can run out while this one still works on it (a stall); the store then refuses to
/// mark its delivery in flight. The dispatcher must post nothing there and go on with the other channels.
/// </summary>
public sealed class ClaimLostTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task DeliverPending_ChannelLostToAnotherReplica_PostsNothingThereAndTheOtherChannelsStillGetTheirs()
    {
        var at = DateTimeOffset.UtcNow;
        _bot.Store.RecordPoll([TestPapers.Make("2611.00010", "Agents")],
            [Delivery.New(TestBot.General, "2611.00010", ["agents"], at), Delivery.New(TestBot.Robots, "2611.00010", ["agents"], at)],
            new PollState(true, at, TestPapers.Day));
        var store = new LosingStore(_bot.Store, TestBot.General);

        var sent = await _bot.Create<DeliveryDispatcher>((IDeliveryStore)store).DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal([TestBot.Robots], _bot.Publisher.Posts.Select(p => p.Channel));
        Assert.Equal(DeliveryState.Pending, _bot.Store.FindDelivery(Delivery.IdFor(TestBot.General, "2611.00010"))?.State);
    }

    /// <summary>The real store, but this replica has lost <paramref name="lost"/>.</summary>
    private sealed class LosingStore(IDeliveryStore inner, ChannelRef lost) : IDeliveryStore
    {
        public IReadOnlyList<Delivery> Pending() => inner.Pending();

        public void Requeue(string deliveryId) => inner.Requeue(deliveryId);

        public Delivery? FindDelivery(string id) => inner.FindDelivery(id);

        public ValueTask MarkInFlightAsync(string deliveryId) => inner.FindDelivery(deliveryId)?.Channel == lost
            ? throw new DeliveryClaimLostException(deliveryId, lost.Key)
            : inner.MarkInFlightAsync(deliveryId);

        public ValueTask MarkSentAsync(string deliveryId, string messageId, DateTimeOffset at) => inner.MarkSentAsync(deliveryId, messageId, at);

        public ValueTask MarkAttemptFailedAsync(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt = null, bool inDoubt = false) =>
            inner.MarkAttemptFailedAsync(deliveryId, error, permanent, retryAt, inDoubt);

        public PostedMessage? FindPost(ChannelRef channel, string messageId) => inner.FindPost(channel, messageId);

        public int Enqueue(IReadOnlyList<Delivery> deliveries) => inner.Enqueue(deliveries);
    }
}
