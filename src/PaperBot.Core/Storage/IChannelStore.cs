using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>Channels and their subscriptions.</summary>
public interface IChannelStore
{
    ChannelInfo? FindChannel(ChannelRef channel);

    /// <summary>Every channel posting is paused for, with the reason.</summary>
    IReadOnlyList<ChannelInfo> PausedChannels();

    /// <summary>Pauses posting to a channel with a reason users and operators can read, or resumes it (null).</summary>
    void SetPaused(ChannelRef channel, string? reason, DateTimeOffset at);

    /// <summary>Adds a subscription; the store assigns its id. Records the channel if it is new.</summary>
    Subscription AddSubscription(ChannelRef channel, string query, string createdBy, DateTimeOffset at, SubscriptionOptions? options = null);

    /// <summary>Removes one subscription of this channel; false when the channel has no such id.</summary>
    bool RemoveSubscription(ChannelRef channel, int id);

    /// <summary>Removes every subscription of this channel and returns how many there were.</summary>
    int RemoveAllSubscriptions(ChannelRef channel);

    /// <summary>This channel's subscriptions, oldest first.</summary>
    IReadOnlyList<Subscription> SubscriptionsOf(ChannelRef channel);

    /// <summary>Every subscription of every channel that is not paused.</summary>
    IReadOnlyList<Subscription> ActiveSubscriptions();

    /// <summary>
    /// Records that a digest subscription has considered every paper first seen up to <paramref name="coveredUntil"/>,
    /// and enqueues <paramref name="digest"/> (when there was anything to post) in the same transaction.
    /// </summary>
    void RecordDigest(int subscriptionId, DateTimeOffset coveredUntil, Delivery? digest);
}
