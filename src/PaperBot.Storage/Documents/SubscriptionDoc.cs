using LiteDB;
using PaperBot.Core.Channels;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>subscriptions</c> collection. The id comes from <see cref="SequenceDoc"/>, never reused.</summary>
internal sealed class SubscriptionDoc
{
    [BsonId(false)]
    public int Id { get; set; }

    public string ChannelKey { get; set; } = "";

    public string Platform { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string Query { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public InstantDoc CreatedAt { get; set; } = new();

    public Subscription ToSubscription() =>
        new(Id, new ChannelRef(Platform, ChannelId), Query, CreatedBy, CreatedAt.ToDateTimeOffset());
}
