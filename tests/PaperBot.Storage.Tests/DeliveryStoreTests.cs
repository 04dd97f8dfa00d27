using PaperBot.Testing;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

public abstract class DeliveryStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void Pending_SeveralStates_ReturnsPendingOldestFirst()
    {
        var late = Samples.Delivery(Samples.General, "2509.00001", Samples.Now.AddMinutes(5));
        var early = Samples.Delivery(Samples.Research, "2509.00002", Samples.Now);
        var sent = Samples.Delivery(Samples.General, "2509.00003", Samples.Now.AddMinutes(-5));
        var failed = Samples.Delivery(Samples.General, "2509.00004", Samples.Now.AddMinutes(-4));
        Store.RecordPoll([], [late, early, sent, failed], Samples.Polled(Samples.Day));
        Store.MarkSent(sent.Id, "m-3", Samples.Now);
        Store.MarkAttemptFailed(failed.Id, "403 Forbidden", permanent: true);

        Assert.Equal([early.Id, late.Id], Store.Pending().Select(d => d.Id));
    }

    [Fact]
    public void MarkSent_PendingDelivery_UpdatesItAndRecordsThePost()
    {
        var delivery = Samples.Delivery(Samples.Research, "2509.00001");
        Store.RecordPoll([], [delivery], Samples.Polled(Samples.Day));
        Store.MarkAttemptFailed(delivery.Id, "timeout", permanent: false);
        var sentAt = Samples.Now.AddMinutes(3);

        Store.MarkSent(delivery.Id, "1725529800.000100", sentAt);
        Reopen();

        var expected = delivery with
        {
            State = DeliveryState.Sent,
            Attempts = 2,
            LastError = "timeout",
            MessageId = "1725529800.000100",
            SentAt = sentAt,
        };
        PaperAssert.Same(expected, Store.FindDelivery(delivery.Id));
        Assert.Equal(
            new PostedMessage(Samples.Research, "1725529800.000100", "2509.00001", sentAt),
            Store.FindPost(Samples.Research, "1725529800.000100"));
    }

    [Fact]
    public void FindPost_SameMessageIdInAnotherChannel_ReturnsNull()
    {
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        Store.RecordPoll([], [delivery], Samples.Polled(Samples.Day));
        Store.MarkSent(delivery.Id, "555", Samples.Now);

        Assert.Null(Store.FindPost(Samples.Research, "555"));
        Assert.Null(Store.FindPost(Samples.General, "556"));
    }

    [Fact]
    public void MarkAttemptFailed_Transient_CountsAttemptAndStaysPending()
    {
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        Store.RecordPoll([], [delivery], Samples.Polled(Samples.Day));

        Store.MarkAttemptFailed(delivery.Id, "502 Bad Gateway", permanent: false);
        Store.MarkAttemptFailed(delivery.Id, "503 Service Unavailable", permanent: false);

        var stored = Assert.Single(Store.Pending());
        Assert.Equal(2, stored.Attempts);
        Assert.Equal("503 Service Unavailable", stored.LastError);
        Assert.Equal(DeliveryState.Pending, stored.State);
    }

    [Fact]
    public void MarkAttemptFailed_Permanent_MovesToFailed()
    {
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        Store.RecordPoll([], [delivery], Samples.Polled(Samples.Day));

        Store.MarkAttemptFailed(delivery.Id, "Unknown Channel", permanent: true);

        var stored = Store.FindDelivery(delivery.Id);
        Assert.Equal(DeliveryState.Failed, stored!.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("Unknown Channel", stored.LastError);
        Assert.Empty(Store.Pending());
    }

    [Fact]
    public void MarkSent_UnknownDelivery_ThrowsAndRecordsNoPost()
    {
        Assert.Throws<KeyNotFoundException>(() => Store.MarkSent("discord:1|2509.99999", "m-1", Samples.Now));

        Assert.Null(Store.FindPost(Samples.General, "m-1"));
    }

    [Fact]
    public void FindDelivery_UnknownId_ReturnsNull()
    {
        Assert.Null(Store.FindDelivery("discord:1|2509.99999"));
    }
}
