using LiteDB;
using PaperBot.Core.Channels;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>channels</c> collection, keyed by <see cref="ChannelRef.Key"/>.</summary>
internal sealed class ChannelDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Platform { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string? PausedReason { get; set; }

    public InstantDoc? PausedAt { get; set; }

    public static ChannelDoc New(ChannelRef channel) =>
        new() { Id = channel.Key, Platform = channel.Platform, ChannelId = channel.Id };

    public ChannelInfo ToChannelInfo() =>
        new(new ChannelRef(Platform, ChannelId), PausedReason, PausedAt?.ToDateTimeOffset());
}
