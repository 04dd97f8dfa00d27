using System.Runtime.InteropServices;
using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Core.Semantic;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore : IEmbeddingStore
{
    // Its own collection, so papers written before embeddings existed need no upgrade and PaperDoc stays as it is.
    private ILiteCollection<EmbeddingDoc> Embeddings => _db.GetCollection<EmbeddingDoc>("embeddings");

    public void SaveEmbeddings(IReadOnlyCollection<PaperEmbedding> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
        {
            return;
        }

        Write(() =>
        {
            // A vector of another model replaces a paper's vector of the model known complete: it is then missing one.
            if (_allEmbedded is { } complete && embeddings.Any(e => e.Model != complete.Model))
            {
                _allEmbedded = null;
            }

            Embeddings.Upsert(embeddings.Select(e => new EmbeddingDoc
            {
                Id = e.ArxivId,
                Model = e.Model,
                Vector = MemoryMarshal.AsBytes(e.Vector.AsSpan()).ToArray(),
            }));
        });
    }

    public IReadOnlyList<PaperEmbedding> AllEmbeddings(string model) => Read(() => Embeddings.Find(x => x.Model == model)
        .Select(x => new PaperEmbedding(x.Id, x.Model, MemoryMarshal.Cast<byte, float>(x.Vector.AsSpan()).ToArray()))
        .ToList());

    /// <remarks>
    /// The background embedder asks every round, and reading every paper and vector to answer took most of a round's
    /// store time at 20,000 papers. Once a read finds none missing, the answer stays empty until a poll writes papers
    /// (<see cref="ChangeStamp"/>) or a vector of another model replaces one, so until then it is given without a read.
    /// </remarks>
    public IReadOnlyList<Paper> PapersWithoutEmbedding(string model, int limit) => Read(() =>
    {
        var papersNow = Volatile.Read(ref _paperWrites);
        if (_allEmbedded == (model, papersNow))
        {
            return [];
        }

        var done = EmbeddedIds(model);
        var missing = _papers.Query().OrderByDescending(x => x.ListedOn).Select(x => x.Id).ToEnumerable()
            .Where(id => !done.Contains(id))
            .Take(limit)
            .Select(id => _papers.FindById(id).ToPaper())
            .ToList();
        if (missing.Count == 0)
        {
            _allEmbedded = (model, papersNow);
        }

        return missing;
    });

    // Counted from the collections' sizes and the index on Model, without reading a vector: search and similar ask
    // before every scan. There is one embedding per paper id; one of another model (or made another way) does not
    // count as done, so a change of how papers are embedded has the background embedder make every vector again.
    // Counting this model's rows would read every row (50 MB at 20,000 papers); the others are few, and the index
    // finds them without reading the rest.
    public int CountWithoutEmbedding(string model) =>
        Read(() => Math.Max(0, _papers.Count() - Embeddings.Count() + Embeddings.Count(Query.Not(nameof(EmbeddingDoc.Model), model))));

    private HashSet<string> EmbeddedIds(string model) =>
        Embeddings.Query().Where(x => x.Model == model).Select(x => x.Id).ToEnumerable().ToHashSet(StringComparer.Ordinal);
}
