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
    public static string IdFor(ChannelRef channel, string arxivId) => $"{channel.Key}|{arxivId}";

    public static Delivery New(ChannelRef channel, string arxivId, IReadOnlyList<string> topics, DateTimeOffset at) =>
        new(IdFor(channel, arxivId), channel, arxivId, topics, DeliveryState.Pending, 0, null, null, at, null);
}
