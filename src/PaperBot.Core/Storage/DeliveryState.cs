namespace PaperBot.Core.Storage;

public enum DeliveryState
{
    /// <summary>Owed and not yet sent.</summary>
    Pending,

    /// <summary>The platform accepted it; <see cref="Delivery.MessageId"/> is set.</summary>
    Sent,

    /// <summary>Gave up: the channel is unreachable or the paper was refused permanently.</summary>
    Failed,

    /// <summary>
    /// Being sent: marked durably before the platform is called. One found at start-up is from a run that
    /// stopped mid-send, and is reconciled (did the post land?) before anything is sent again.
    /// </summary>
    InFlight,

    /// <summary>Not posted on its own: it was listed in a catch-up summary instead (no flood after downtime).</summary>
    Summarized,
}
