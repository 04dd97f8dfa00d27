namespace PaperBot.Core.Storage;

/// <summary>
/// On a store shared by several replicas: this process no longer holds the channel a delivery belongs to (its lease
/// expired and another replica may have taken it), so it must not post there. Nothing was written.
/// </summary>
public sealed class DeliveryClaimLostException(string deliveryId, string channelKey)
    : Exception($"Delivery {deliveryId}: this PaperBot replica no longer holds channel {channelKey} (its lease expired); another replica sends it.")
{
    public string DeliveryId { get; } = deliveryId;

    public string ChannelKey { get; } = channelKey;
}
