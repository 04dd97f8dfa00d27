using PaperBot.Core.Storage;

namespace PaperBot.Testing;

/// <summary>
/// Blocking forms of the outbox's async writes, for test set-up that has no reason to be async. Production code has
/// only the async forms (the delivery hot path must not block threads).
/// </summary>
public static class DeliveryStoreTestExtensions
{
    public static void MarkInFlight(this IDeliveryStore store, string deliveryId) =>
        store.MarkInFlightAsync(deliveryId).AsTask().GetAwaiter().GetResult();

    public static void MarkSent(this IDeliveryStore store, string deliveryId, string messageId, DateTimeOffset at) =>
        store.MarkSentAsync(deliveryId, messageId, at).AsTask().GetAwaiter().GetResult();

    public static void MarkAttemptFailed(this IDeliveryStore store, string deliveryId, string error, bool permanent,
        DateTimeOffset? retryAt = null, bool inDoubt = false) =>
        store.MarkAttemptFailedAsync(deliveryId, error, permanent, retryAt, inDoubt).AsTask().GetAwaiter().GetResult();
}
