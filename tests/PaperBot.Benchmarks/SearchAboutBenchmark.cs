using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Semantic;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Benchmarks;

/// <summary>
/// /papers search about:"..." over 20,000 stored papers with stored vectors (LiteDB in memory, the real model for
/// the sentence), against the keyword search of the same store in the same run.
/// </summary>
internal static class SearchAboutBenchmark
{
    public static async Task RunAsync(MiniLmEmbedder embedder)
    {
        const int Count = 20_000;
        using var database = new TempDatabase();
        var store = database.Store;
        var papers = new PaperGenerator(seed: 9).Generate(Count);
        store.RecordPoll(papers, [], new PollState(true, DateTimeOffset.UnixEpoch, papers[0].ListedOn));

        // Stored vectors: a few real ones, the rest random unit vectors (embedding 20,000 abstracts here would take minutes).
        var random = new Random(4);
        var embeddings = papers.Select(p =>
        {
            var vector = new float[embedder.Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(random.NextDouble() - 0.5);
            }

            VectorMath.Normalize(vector);
            return new PaperEmbedding(p.ArxivId, PaperEmbedder.StoreKey(embedder), vector);
        }).ToList();
        store.SaveEmbeddings(embeddings);
        using var index = new PaperBot.Core.Search.PaperSearchIndex(store);
        index.EnsureBuilt();
        var vectors = new PaperVectors(embedder, store, index, NullLogger<PaperVectors>.Instance);
        var search = new SearchCommand(index, vectors);
        var context = new CommandContext(new ChannelRef("bench", "c"), new UserRef("bench", "u", "U"), true);
        await search.ExecuteAsync(context, "about:\"robots that learn to grasp from video\"~0.5", CancellationToken.None);
        await search.ExecuteAsync(context, "robots", CancellationToken.None);

        var typical = Timing.Median(9, () => search.ExecuteAsync(context, "about:\"robots that learn to grasp from video\"", CancellationToken.None).GetAwaiter().GetResult());
        var about = Timing.Median(9, () => search.ExecuteAsync(context, "about:\"robots that learn to grasp from video\"~0.5", CancellationToken.None).GetAwaiter().GetResult());
        var mixed = Timing.Median(9, () => search.ExecuteAsync(context, "about:\"robots that learn to grasp from video\"~0.5 -survey", CancellationToken.None).GetAwaiter().GetResult());
        var either = Timing.Median(9, () => search.ExecuteAsync(context, "about:\"robots that learn to grasp from video\"~0.5 (agents OR reasoning) upvotes>=3", CancellationToken.None).GetAwaiter().GetResult());
        var phrase = Timing.Median(9, () => search.ExecuteAsync(context, "about:\"robots that learn to grasp from video\"~0.5 \"language models\"", CancellationToken.None).GetAwaiter().GetResult());
        var counting = Timing.Median(9, () => vectors.CountMissing());
        var sentence = await vectors.EmbedSentenceAsync("robots that learn to grasp from video", CancellationToken.None);
        var scan = Timing.Median(9, () => vectors.Closest(sentence, SemanticSearch.Candidates));
        Console.WriteLine($"  of which: counting papers without a vector {counting.TotalMilliseconds:F1} ms, top-{SemanticSearch.Candidates} scan {scan.TotalMilliseconds:F1} ms");
        var keyword = Timing.Median(3, () => search.ExecuteAsync(context, "robots", CancellationToken.None).GetAwaiter().GetResult());
        Console.WriteLine($"search at {Count:N0} papers:  about: {typical.TotalMilliseconds:F1} ms at the default closeness, {about.TotalMilliseconds:F1} ms at ~0.5 (all {SemanticSearch.Candidates} candidates match); " +
            $"keyword search {keyword.TotalMilliseconds:F1} ms ({keyword / about:F1}x the ~0.5 time)");
        Console.WriteLine($"  with word conditions (evaluated on the search index's postings): -survey {mixed.TotalMilliseconds:F1} ms, (agents OR reasoning) upvotes>=3 {either.TotalMilliseconds:F1} ms, " +
            $"a phrase (\"language models\": the candidates holding both words are read to check the order) {phrase.TotalMilliseconds:F1} ms; {mixed / about:F2}x / {either / about:F2}x / {phrase / about:F2}x the about:-only time");
    }
}
