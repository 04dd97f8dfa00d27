using Npgsql;
using PaperBot.Core.Papers;
using PaperBot.Core.Semantic;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string MissingEmbedding = "NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.arxiv_id = p.arxiv_id AND e.model = $1)";

    public void SaveEmbeddings(IReadOnlyCollection<PaperEmbedding> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
        {
            return;
        }

        Write((c, t) =>
        {
            using var batch = new NpgsqlBatch(c, t);
            foreach (var embedding in embeddings)
            {
                AddCommand(batch, "INSERT INTO embeddings (arxiv_id, model, vector) VALUES ($1, $2, $3) "
                    + "ON CONFLICT (arxiv_id) DO UPDATE SET model = excluded.model, vector = excluded.vector",
                    embedding.ArxivId, embedding.Model, embedding.Vector);
            }

            batch.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<PaperEmbedding> AllEmbeddings(string model) => Query(
        r => new PaperEmbedding(r.GetString(0), model, r.GetFieldValue<float[]>(1)),
        "SELECT arxiv_id, vector FROM embeddings WHERE model = $1", model);

    public IReadOnlyList<Paper> PapersWithoutEmbedding(string model, int limit) => Query(PaperRows.Read,
        "SELECT " + PaperRows.Columns + " FROM papers p WHERE " + MissingEmbedding + " ORDER BY listed_on DESC, arxiv_id LIMIT $2", model, limit);

    // Counts papers with no embedding of this model (an embedding of another model does not count as done).
    public int CountWithoutEmbedding(string model) => (int)Read(c => Scalar(c, null, "SELECT count(*) FROM papers p WHERE " + MissingEmbedding, model));
}
