using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Semantic.Tests;

[Collection(ModelCollection.Name)]
public sealed class PaperVectorsTests(ModelFixture model) : IDisposable
{
    private readonly TempDatabase _database = new();

    private LiteDbStore Store => _database.Store;

    public void Dispose() => _database.Dispose();

    private static readonly Paper Grasping = TestPapers.Make("2611.00001", "Dexterous Grasping from Human Videos",
        abstractText: "A robot hand learns pick-and-place skills by watching people handle objects on video.");

    private static readonly Paper Weather = TestPapers.Make("2611.00002", "Global Weather Forecasting with Graph Networks",
        abstractText: "We predict temperature and precipitation ten days ahead from reanalysis data.");

    private static readonly Paper Proofs = TestPapers.Make("2611.00003", "Formal Theorem Proving with Language Models",
        abstractText: "An LLM writes Lean proofs of olympiad problems, checked by the proof assistant.");

    private void Seed(params Paper[] papers) =>
        Store.RecordPoll(papers, [], new PollState(true, DateTimeOffset.UnixEpoch, TestPapers.Day));

    private PaperVectors Vectors(ITextEmbedder embedder) => new(embedder, Store, new PaperSearchIndex(Store), NullLogger<PaperVectors>.Instance);

    [Fact]
    public async Task Backfill_StoredPapers_EmbedsEachOnceAndAnotherProcessReadsThemBack()
    {
        Seed(Grasping, Weather, Proofs);
        var counting = new CountingEmbedder(model.Embedder);
        var vectors = Vectors(counting);

        Assert.Equal(3, vectors.CountMissing());
        Assert.Equal(2, await vectors.BackfillAsync(2, CancellationToken.None));
        Assert.Equal(1, await vectors.BackfillAsync(2, CancellationToken.None));
        Assert.Equal(0, await vectors.BackfillAsync(2, CancellationToken.None));

        // A new PaperVectors (the bot restarted) reads the stored vectors instead of embedding again.
        var restarted = new CountingEmbedder(model.Embedder);
        var again = Vectors(restarted);
        var found = await again.ForPapersAsync([Grasping, Weather, Proofs], CancellationToken.None);

        // A paper is its title and its abstract, embedded apart (PaperEmbedder).
        Assert.Equal(6, counting.Texts);
        Assert.Equal(0, restarted.Texts);
        Assert.Equal(0, again.CountMissing());
        Assert.Equal(1f, VectorMath.Dot(found[Grasping.ArxivId], vectors.Find(Grasping.ArxivId)!), 5);
    }

    [Fact]
    public async Task Backfill_VectorsMadeTheOldWay_AreCountedMissingAndReplaced()
    {
        // A store from before papers were embedded as title and abstract apart holds vectors under the model's bare name.
        Seed(Grasping, Weather);
        var joined = await model.Embedder.EmbedAsync([Grasping.Title + ". " + Grasping.Abstract], CancellationToken.None);
        Store.SaveEmbeddings([new PaperEmbedding(Grasping.ArxivId, model.Embedder.ModelName, joined[0])]);
        var vectors = Vectors(model.Embedder);

        Assert.Equal(0, vectors.Count);
        Assert.Equal(2, vectors.CountMissing());
        Assert.Equal(2, await vectors.BackfillAsync(8, CancellationToken.None));

        Assert.Equal(0, vectors.CountMissing());
        Assert.Empty(Store.AllEmbeddings(model.Embedder.ModelName));
        var made = Store.AllEmbeddings(PaperEmbedder.StoreKey(model.Embedder)).Single(e => e.ArxivId == Grasping.ArxivId).Vector;
        Assert.Equal(1f, VectorMath.Dot(made, made), 4);
        Assert.True(VectorMath.Dot(made, joined[0]) < 0.999f, "the vector was made again, from title and abstract apart");
    }

    [Fact]
    public async Task ForPapers_PaperWithoutVector_IsEmbeddedOnDemandAndStored()
    {
        Seed(Grasping, Weather);
        var counting = new CountingEmbedder(model.Embedder);
        var vectors = Vectors(counting);

        var found = await vectors.ForPapersAsync([Grasping, Grasping], CancellationToken.None);

        Assert.Single(found);
        Assert.Equal(2, counting.Texts);
        Assert.Equal(1, vectors.CountMissing());
        Assert.Single(Store.AllEmbeddings(PaperEmbedder.StoreKey(model.Embedder)));
    }

    [Fact]
    public async Task Closest_Sentence_RanksThePaperOnItsTopicFirst()
    {
        Seed(Grasping, Weather, Proofs);
        var vectors = Vectors(model.Embedder);
        await vectors.BackfillAsync(10, CancellationToken.None);

        var query = await vectors.EmbedSentenceAsync("machines that check mathematical arguments", CancellationToken.None);
        var ranked = vectors.Closest(query, top: 2);
        var filtered = vectors.Closest(query, top: 5, include: id => id != Proofs.ArxivId);

        Assert.Equal(Proofs.ArxivId, ranked[0].ArxivId);
        Assert.Equal(2, ranked.Count);
        Assert.True(ranked[0].Closeness > ranked[1].Closeness);
        Assert.DoesNotContain(filtered, r => r.ArxivId == Proofs.ArxivId);
        Assert.Equal(2, filtered.Count);
    }

    [Fact]
    public async Task Worker_CatchUp_EmbedsEveryStoredPaperAndReportsProgress()
    {
        Seed(Grasping, Weather, Proofs);
        var progress = new EmbeddingProgress();
        var worker = new EmbeddingWorker(Vectors(model.Embedder), progress, Options.Create(new SemanticOptions()), new FakeTimeProvider(),
            NullLogger<EmbeddingWorker>.Instance);

        Assert.Null(progress.Current.Waiting);
        var done = await worker.CatchUpAsync(CancellationToken.None);

        Assert.Equal(3, done);
        Assert.Equal(new EmbeddingProgress.Snapshot(3, 0, 3, null), progress.Current);
        Assert.Equal(0, await worker.CatchUpAsync(CancellationToken.None));
    }
}
