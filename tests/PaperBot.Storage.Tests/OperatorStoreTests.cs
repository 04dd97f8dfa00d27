using PaperBot.Testing;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>The operator page's reads and its Retry, over a real LiteDB file.</summary>
public abstract class OperatorStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    private static readonly ChannelRef Other = new("test", "other");

    [Fact]
    public void CountOutbox_CountsEachState_AndOwedIsPendingPlusInDoubt()
    {
        var papers = Enumerable.Range(1, 4).Select(i => Samples.Paper($"2509.0000{i}")).ToList();
        var deliveries = papers.Select(p => Samples.Delivery(Samples.General, p.ArxivId)).ToList();
        Store.RecordPoll(papers, deliveries, Samples.Polled(Samples.Day));
        Store.MarkInFlight(deliveries[1].Id);
        Store.MarkAttemptFailed(deliveries[2].Id, "gave up", permanent: true);
        Store.MarkSent(deliveries[3].Id, "m1", DateTimeOffset.UtcNow);

        var counts = Store.CountOutbox();

        Assert.Equal(new OutboxCounts(1, 1, 1), counts);
        Assert.Equal(2, counts.Owed);
        Assert.Equal(deliveries[2].Id, Assert.Single(Store.DeliveriesIn(DeliveryState.Failed, 10)).Id);
        Assert.Equal("gave up", Store.DeliveriesIn(DeliveryState.Failed, 10)[0].LastError);
    }

    [Fact]
    public void LatestSent_NewestFirst_LimitedAndSurvivesReopen()
    {
        var papers = Enumerable.Range(1, 5).Select(i => Samples.Paper($"2509.0001{i}")).ToList();
        var deliveries = papers.Select(p => Samples.Delivery(Samples.General, p.ArxivId)).ToList();
        Store.RecordPoll(papers, deliveries, Samples.Polled(Samples.Day));
        var start = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 4; i++)
        {
            Store.MarkSent(deliveries[i].Id, $"m{i}", start.AddMinutes(i));
        }

        Reopen();
        var latest = Store.LatestSent(3);

        Assert.Equal(["m3", "m2", "m1"], latest.Select(d => d.MessageId));
    }

    [Fact]
    public void RetryFailed_OnlyAFailedDelivery_BackToPendingWithAFreshCount()
    {
        var paper = Samples.Paper("2509.00021");
        var failed = Samples.Delivery(Samples.General, paper.ArxivId);
        var pending = Samples.Delivery(Other, paper.ArxivId);
        Store.RecordPoll([paper], [failed, pending], Samples.Polled(Samples.Day));
        Store.MarkAttemptFailed(failed.Id, "gave up", permanent: true);

        Assert.True(Store.RetryFailed(failed.Id));
        Assert.False(Store.RetryFailed(pending.Id));
        Assert.False(Store.RetryFailed("no-such-id"));

        var retried = Store.FindDelivery(failed.Id)!;
        Assert.Equal((DeliveryState.Pending, 0, null), (retried.State, retried.Attempts, retried.NextAttemptAt));
        Assert.Equal(2, Store.Pending().Count);
    }

    [Fact]
    public void AllChannelsAndSubscriptions_IncludePausedOnes()
    {
        Store.AddSubscription(Samples.General, "agents", "test:a", DateTimeOffset.UtcNow);
        Store.AddSubscription(Other, "robots", "test:b", DateTimeOffset.UtcNow);
        Store.SetPaused(Other, "lost access", DateTimeOffset.UtcNow);

        Assert.Equal([Samples.General.Key, Other.Key], Store.AllChannels().Select(c => c.Channel.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["agents", "robots"], Store.AllSubscriptions().Select(s => s.Query));
        Assert.Single(Store.ActiveSubscriptions());
    }
}
