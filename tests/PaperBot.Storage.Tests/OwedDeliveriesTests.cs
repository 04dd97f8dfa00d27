using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>
/// LiteDB keeps the rows of owed deliveries in memory so that marking one reads no query: what it remembers must
/// always be what is stored, also after a write rolled back and after a reopen.
/// </summary>
public sealed class OwedDeliveriesTests : StoreTestBase
{
    [Fact]
    public void MarkInFlight_DeliveryOfAPollThatRolledBack_IsRefusedAsNeverStored()
    {
        var good = Samples.Delivery(Samples.General, "2509.00001");

        // The good delivery is inserted (and remembered) before the broken one makes the whole poll roll back.
        var broken = good with { Id = "broken", Channel = null! };
        Assert.ThrowsAny<Exception>(() => Store.RecordPoll([Samples.Paper("2509.00001")], [good, broken], Samples.Polled(Samples.Day)));

        Assert.Throws<KeyNotFoundException>(() => Store.MarkInFlight(good.Id));
        Assert.Null(Store.FindDelivery(good.Id));
        Assert.Empty(Store.Pending());
    }

    [Fact]
    public async Task Marks_OnRememberedRows_AreStoredAsIfReadFromTheFile()
    {
        var first = Samples.Delivery(Samples.General, "2509.00001");
        var second = Samples.Delivery(Samples.General, "2509.00002");
        Store.RecordPoll([Samples.Paper("2509.00001"), Samples.Paper("2509.00002")], [first, second], Samples.Polled(Samples.Day));

        await Store.MarkInFlightAsync(first.Id);
        await Store.MarkAttemptFailedAsync(first.Id, "timeout", permanent: false, Samples.Now.AddMinutes(1), inDoubt: true);
        await Store.MarkInFlightAsync(first.Id);
        await Store.MarkSentAsync(first.Id, "ts-1", Samples.Now);
        await Store.MarkAttemptFailedAsync(second.Id, "channel_not_found", permanent: true);
        Reopen();

        var sent = Store.FindDelivery(first.Id)!;
        Assert.Equal((DeliveryState.Sent, 2, "ts-1", "timeout"), (sent.State, sent.Attempts, sent.MessageId, sent.LastError));
        Assert.Equal(DeliveryState.Failed, Store.FindDelivery(second.Id)!.State);
        Assert.Empty(Store.Pending());
        Assert.NotNull(Store.FindPost(Samples.General, "ts-1"));
    }
}
