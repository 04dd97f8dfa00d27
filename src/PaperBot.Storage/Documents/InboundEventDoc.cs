using LiteDB;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>inbound_events</c> collection: one platform event already applied.</summary>
internal sealed class InboundEventDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public InstantDoc At { get; set; } = new();
}
