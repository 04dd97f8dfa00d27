using LiteDB;

namespace PaperBot.Storage.Documents;

/// <summary>
/// A counter row of the <c>meta</c> collection. LiteDB's own int auto-id restarts from the highest stored id
/// after a restart, so a deleted newest subscription's id would be handed out again; users quote these ids.
/// </summary>
internal sealed class SequenceDoc
{
    public const string SubscriptionIds = "subscription-ids";

    [BsonId(false)]
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
