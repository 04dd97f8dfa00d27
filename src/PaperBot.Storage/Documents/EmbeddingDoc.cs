using LiteDB;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>embeddings</c> collection: a paper's vector as little-endian floats, keyed by arXiv id.</summary>
internal sealed class EmbeddingDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Model { get; set; } = "";

    public byte[] Vector { get; set; } = [];
}
