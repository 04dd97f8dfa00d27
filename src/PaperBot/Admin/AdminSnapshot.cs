using PaperBot.Core.Channels;
using PaperBot.Core.Listing;
using PaperBot.Core.Replicas;
using PaperBot.Core.Storage;
using PaperBot.Semantic;

namespace PaperBot.Admin;

/// <summary>Everything the operator page shows, read once per request.</summary>
internal sealed record AdminSnapshot(
    DateTimeOffset Now,
    ListingHealth.Snapshot Listing,
    DateOnly? PapersDay,
    DateTimeOffset? NextPollAt,
    int PapersStored,
    IReadOnlyList<PlatformState> Platforms,
    IReadOnlyList<ChannelInfo> Channels,
    ILookup<string, Subscription> SubscriptionsByChannel,
    OutboxCounts Outbox,
    IReadOnlyList<Delivery> InDoubt,
    IReadOnlyList<Delivery> Failed,
    IReadOnlyList<Delivery> Latest,
    EmbeddingProgress.Snapshot? Embeddings,
    ReplicaView? Replicas = null)
{
    /// <summary>The poller's layout alarm: the page was read but holds no recognisable papers.</summary>
    public bool LayoutAlarm => Listing.Status == ListingHealthStatus.Degraded && Listing.Description.StartsWith("layout change", StringComparison.Ordinal);
}

/// <summary>Among replicas on one database: each of them, and which one is answering this page.</summary>
internal sealed record ReplicaView(string Self, IReadOnlyList<ReplicaStatus> All);

/// <summary>One platform's publisher or connection: up, or what is wrong.</summary>
internal sealed record PlatformState(string Name, bool Up, string Description);
