namespace PaperBot.Storage;

/// <summary>How many rows a store holds of each kind: what <c>paperbot storage migrate</c> compares after copying.</summary>
public sealed record StoreCounts(
    long Papers, long Channels, long Subscriptions, long Deliveries, long Posts, long Saved, long InboundEvents, long Embeddings, bool PollState)
{
    public bool IsEmpty => Papers + Channels + Subscriptions + Deliveries + Posts + Saved + InboundEvents + Embeddings == 0 && !PollState;

    /// <summary>Each kind with its count, in a fixed order, for a report.</summary>
    public IReadOnlyList<(string Kind, long Count)> ByKind =>
    [
        ("papers", Papers), ("channels", Channels), ("subscriptions", Subscriptions), ("deliveries", Deliveries), ("posts", Posts),
        ("reading-list entries", Saved), ("inbound events", InboundEvents), ("embeddings", Embeddings), ("poll state", PollState ? 1 : 0),
    ];
}
