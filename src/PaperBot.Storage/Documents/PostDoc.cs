using LiteDB;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>posts</c> collection: a message PaperBot posted, keyed by channel and platform message id.</summary>
internal sealed class PostDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Platform { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string MessageId { get; set; } = "";

    public string ArxivId { get; set; } = "";

    public InstantDoc PostedAt { get; set; } = new();

    public static string IdFor(ChannelRef channel, string messageId) => $"{channel.Key}|{messageId}";

    public static PostDoc From(PostedMessage post) => new()
    {
        Id = IdFor(post.Channel, post.MessageId),
        Platform = post.Channel.Platform,
        ChannelId = post.Channel.Id,
        MessageId = post.MessageId,
        ArxivId = post.ArxivId,
        PostedAt = InstantDoc.From(post.PostedAt),
    };

    /// <summary>The row the mapper would store for <see cref="From"/>, built directly (one per post in a fan-out).</summary>
    public static BsonDocument Row(PostedMessage post) => new()
    {
        ["_id"] = IdFor(post.Channel, post.MessageId),
        [nameof(Platform)] = post.Channel.Platform,
        [nameof(ChannelId)] = post.Channel.Id,
        [nameof(MessageId)] = post.MessageId,
        [nameof(ArxivId)] = post.ArxivId,
        [nameof(PostedAt)] = DeliveryRow.Instant(post.PostedAt),
    };

    public PostedMessage ToPostedMessage() =>
        new(new ChannelRef(Platform, ChannelId), MessageId, ArxivId, PostedAt.ToDateTimeOffset());
}
