using LiteDB;

namespace PaperBot.Storage.Documents;

/// <summary>The schema-version row of the <c>meta</c> collection; stores written before version 2 have none.</summary>
internal sealed class SchemaDoc
{
    public const string Key = "schema";

    [BsonId(false)]
    public string Id { get; set; } = Key;

    public int Version { get; set; }
}
