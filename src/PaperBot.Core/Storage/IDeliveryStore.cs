using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>The delivery outbox and the record of posted messages.</summary>
public interface IDeliveryStore
{
    /// <summary>Deliveries still owed (<see cref="DeliveryState.Pending"/> or <see cref="DeliveryState.InFlight"/>), oldest first.</summary>
    IReadOnlyList<Delivery> Pending();

    /// <summary>
    /// The owed deliveries this process should send now, oldest first. On a store several replicas share, only those of
    /// the channels this replica holds a lease on (it claims a fair share of the unclaimed ones), so each channel is sent
    /// to by one replica at a time, in order; a store used by one process returns <see cref="Pending"/>.
    /// </summary>
    IReadOnlyList<Delivery> ClaimPending() => Pending();

    /// <summary>Puts an in-flight delivery back to pending without counting an attempt (the platform could not be used at all).</summary>
    void Requeue(string deliveryId);

    Delivery? FindDelivery(string id);

    /// <summary>
    /// Marks a delivery in flight, durably, right before the platform is called. Like the two below it is durable when
    /// it completes, but waits for the disk without blocking a thread, so a fan-out to many channels does not starve
    /// the thread pool while writes are group-committed.
    /// </summary>
    /// <exception cref="DeliveryClaimLostException">A shared store: this replica no longer holds the delivery's channel.</exception>
    ValueTask MarkInFlightAsync(string deliveryId);

    /// <summary>Marks a delivery sent and records the posted message, in one durable write, before the caller moves on.</summary>
    ValueTask MarkSentAsync(string deliveryId, string messageId, DateTimeOffset at);

    /// <summary>
    /// Records a failed attempt: back to <see cref="DeliveryState.Pending"/>, not before <paramref name="retryAt"/>;
    /// <paramref name="permanent"/> moves it to <see cref="DeliveryState.Failed"/>. <paramref name="inDoubt"/> (the
    /// post may have landed) keeps it <see cref="DeliveryState.InFlight"/>, so it is reconciled before any resend.
    /// </summary>
    ValueTask MarkAttemptFailedAsync(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt = null, bool inDoubt = false);

    PostedMessage? FindPost(ChannelRef channel, string messageId);

    /// <summary>Adds deliveries outside a poll (a backfill), skipping ids that exist; returns how many were new.</summary>
    int Enqueue(IReadOnlyList<Delivery> deliveries);
}
