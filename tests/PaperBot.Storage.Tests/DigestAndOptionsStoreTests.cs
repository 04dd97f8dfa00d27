using PaperBot.Testing;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

public abstract class DigestAndOptionsStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void AddSubscription_Options_SurviveReopen()
    {
        var options = new SubscriptionOptions { Mode = SubscriptionMode.Digest, DigestAt = new TimeOnly(7, 45), TimeZone = "Asia/Tokyo", MinUpvotes = 25 };

        var added = Store.AddSubscription(Samples.General, "agents", "discord:42", Samples.Now, options);
        Reopen();

        var stored = Assert.Single(Store.SubscriptionsOf(Samples.General));
        Assert.Equal(options, stored.Options);
        Assert.Equal(added.Id, stored.Id);
        Assert.Equal(SubscriptionOptions.Default, Store.AddSubscription(Samples.General, "robots", "discord:42", Samples.Now).Options);
    }

    [Fact]
    public void RecordDigest_AdvancesCoverageAndEnqueuesOnceInOneWrite()
    {
        var subscription = Store.AddSubscription(Samples.General, "agents", "discord:42", Samples.Now);
        var digest = Delivery.Digest(subscription, Samples.Day, ["2509.00002", "2509.00001"], "Daily digest", Samples.Now);

        Store.RecordDigest(subscription.Id, Samples.Now.AddHours(1), digest);
        Store.RecordDigest(subscription.Id, Samples.Now.AddHours(2), digest with { Heading = "again" });
        Reopen();

        Assert.Equal(Samples.Now.AddHours(2), Store.SubscriptionsOf(Samples.General)[0].DigestCoveredUntil);
        var pending = Assert.Single(Store.Pending());
        Assert.Equal(DeliveryKind.Digest, pending.Kind);
        Assert.Equal(["2509.00002", "2509.00001"], pending.DigestPapers);
        Assert.Equal("Daily digest", pending.Heading);
        Assert.Throws<KeyNotFoundException>(() => Store.RecordDigest(999, Samples.Now, null));
    }

    [Fact]
    public void MarkSent_Digest_RecordsNoPostForReactions()
    {
        var subscription = Store.AddSubscription(Samples.General, "agents", "discord:42", Samples.Now);
        var digest = Delivery.Digest(subscription, Samples.Day, ["2509.00001"], "Daily digest", Samples.Now);
        Store.RecordDigest(subscription.Id, Samples.Now, digest);

        Store.MarkSent(digest.Id, "m-9", Samples.Now);

        Assert.Null(Store.FindPost(Samples.General, "m-9"));
        Assert.Equal(DeliveryState.Sent, Store.FindDelivery(digest.Id)?.State);
    }

    [Fact]
    public void FirstSeenBetween_UsesTheFirstPollThatRecordedThePaper()
    {
        Store.RecordPoll([Samples.Paper("2509.00001")], [], Samples.Polled(Samples.Day) with { LastSuccessAt = Samples.Now });
        Store.RecordPoll([Samples.Paper("2509.00001"), Samples.Paper("2509.00002")], [], Samples.Polled(Samples.Day) with { LastSuccessAt = Samples.Now.AddHours(3) });

        Assert.Equal(["2509.00001"], Store.FirstSeenBetween(Samples.Now.AddMinutes(-1), Samples.Now).Select(p => p.ArxivId));
        Assert.Equal(["2509.00002"], Store.FirstSeenBetween(Samples.Now, Samples.Now.AddHours(3)).Select(p => p.ArxivId));
    }

    [Fact]
    public void ListedSince_And_Enqueue()
    {
        Store.RecordPoll([Samples.Paper("2509.00001", Samples.Day.AddDays(-3)), Samples.Paper("2509.00002", Samples.Day)], [], Samples.Polled(Samples.Day));

        Assert.Equal(["2509.00002"], Store.ListedSince(Samples.Day.AddDays(-1)).Select(p => p.ArxivId));
        Assert.Equal(2, Store.ListedSince(DateOnly.MinValue).Count);

        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        Assert.Equal(1, Store.Enqueue([delivery, delivery]));
        Assert.Equal(0, Store.Enqueue([delivery]));
        Assert.Single(Store.Pending());
    }
}
