using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>
/// One paper owed to one channel: the outbox record. There is at most one per (channel, paper),
/// which is what makes a restart or a repeated poll unable to post twice.
/// </summary>
public sealed record Delivery(
    string Id,
    ChannelRef Channel,
    string ArxivId,
    IReadOnlyList<string> Topics,
    DeliveryState State,
    int Attempts,
    string? LastError,
    string? MessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public DeliveryKind Kind { get; init; } = DeliveryKind.Paper;

    /// <summary>Digest deliveries: the papers it lists (<see cref="ArxivId"/> is the first of them).</summary>
    public IReadOnlyList<string> DigestPapers { get; init; } = [];

    /// <summary>Digest deliveries: the message heading.</summary>
    public string? Heading { get; init; }

    /// <summary>After a transient failure: not to be tried again before this instant.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public static string IdFor(ChannelRef channel, string arxivId) => $"{channel.Key}|{arxivId}";

    public static Delivery New(ChannelRef channel, string arxivId, IReadOnlyList<string> topics, DateTimeOffset at) =>
        new(IdFor(channel, arxivId), channel, arxivId, topics, DeliveryState.Pending, 0, null, null, at, null);

    /// <summary>A catch-up summary: the papers of one poll beyond a channel's catch-up limit, in one message.</summary>
    public static Delivery Summary(ChannelRef channel, IReadOnlyList<string> arxivIds, IReadOnlyList<string> topics, DateTimeOffset at) =>
        new($"summary|{channel.Key}|{arxivIds[0]}|{arxivIds.Count}", channel, arxivIds[0], topics, DeliveryState.Pending, 0, null, null, at, null)
        {
            Kind = DeliveryKind.Digest,
            DigestPapers = arxivIds,
            Heading = $"{arxivIds.Count} more new paper{(arxivIds.Count == 1 ? "" : "s")} while I was away",
        };

    /// <summary>A digest of one subscription for one local day; the id makes it unique per (subscription, day).</summary>
    public static Delivery Digest(Subscription subscription, DateOnly localDay, IReadOnlyList<string> arxivIds, string heading, DateTimeOffset at) =>
        new($"digest|{subscription.Channel.Key}|{subscription.Id}|{localDay:yyyy-MM-dd}", subscription.Channel, arxivIds[0], [subscription.Query],
            DeliveryState.Pending, 0, null, null, at, null)
        {
            Kind = DeliveryKind.Digest,
            DigestPapers = arxivIds,
            Heading = heading,
        };
}
