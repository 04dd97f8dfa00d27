using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>What the operator page and the metrics read and change: the whole outbox and every channel at a glance.</summary>
public interface IOperatorStore
{
    /// <summary>How many deliveries are pending, in doubt (in flight) and failed.</summary>
    OutboxCounts CountOutbox();

    /// <summary>Up to <paramref name="limit"/> deliveries in <paramref name="state"/>, most recently created first.</summary>
    IReadOnlyList<Delivery> DeliveriesIn(DeliveryState state, int limit);

    /// <summary>The <paramref name="limit"/> most recently sent deliveries, newest first.</summary>
    IReadOnlyList<Delivery> LatestSent(int limit);

    /// <summary>Puts a failed delivery back in the outbox with a fresh attempt count; false when it is not a failed one.</summary>
    bool RetryFailed(string deliveryId);

    /// <summary>Every channel PaperBot knows, by key.</summary>
    IReadOnlyList<ChannelInfo> AllChannels();

    /// <summary>Every subscription of every channel (paused ones too), by id.</summary>
    IReadOnlyList<Subscription> AllSubscriptions();
}
