using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>The delivery outbox and the record of posted messages.</summary>
public interface IDeliveryStore
{
    /// <summary>Deliveries still owed, oldest first.</summary>
    IReadOnlyList<Delivery> Pending();

    Delivery? FindDelivery(string id);

    /// <summary>
    /// Marks a delivery sent and records the posted message, in one durable write,
    /// before the caller moves on.
    /// </summary>
    void MarkSent(string deliveryId, string messageId, DateTimeOffset at);

    /// <summary>Records a failed attempt; <paramref name="permanent"/> moves it to <see cref="DeliveryState.Failed"/>.</summary>
    void MarkAttemptFailed(string deliveryId, string error, bool permanent);

    PostedMessage? FindPost(ChannelRef channel, string messageId);

    /// <summary>Adds deliveries outside a poll (a backfill), skipping ids that exist; returns how many were new.</summary>
    int Enqueue(IReadOnlyList<Delivery> deliveries);
}
