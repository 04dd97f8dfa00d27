namespace PaperBot.Core.Channels;

/// <summary>A channel's standing topic query. <see cref="Query"/> is the normalised query text.</summary>
public sealed record Subscription(int Id, ChannelRef Channel, string Query, string CreatedBy, DateTimeOffset CreatedAt)
{
    public SubscriptionOptions Options { get; init; } = SubscriptionOptions.Default;

    /// <summary>Digest mode: papers first seen up to this instant have been considered for a digest already.</summary>
    public DateTimeOffset? DigestCoveredUntil { get; init; }
}
