namespace PaperBot.Core.Storage;

public enum DeliveryState
{
    /// <summary>Owed and not yet sent.</summary>
    Pending,

    /// <summary>The platform accepted it; <see cref="Delivery.MessageId"/> is set.</summary>
    Sent,

    /// <summary>Gave up: the channel is unreachable or the paper was refused permanently.</summary>
    Failed,
}
