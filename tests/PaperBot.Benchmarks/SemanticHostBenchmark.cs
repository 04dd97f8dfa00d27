using System.Diagnostics;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Storage;

namespace PaperBot.Benchmarks;

/// <summary>
/// The real <c>paperbot</c> process on a LiteDB file of 20,000 papers, all but a few hundred with stored vectors:
/// its resident memory idle (the sentence model not loaded yet, the baseline), then while its background embedder
/// loads the model, reads every stored vector into memory and embeds the rest, and after.
/// </summary>
internal static class SemanticHostBenchmark
{
    private const int Count = 20_000;
    private const int Waiting = 200;

    public static async Task<int> RunAsync(int batchSize)
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-bench-semantic", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "paperbot.db");
            Seed(path);
            await using var bot = HostProcess.Start(new Dictionary<string, string>
            {
                ["Storage:Path"] = path,
                ["HuggingFace:BaseUrl"] = "http://127.0.0.1:9",
                ["HuggingFace:MaxRetries"] = "0",
                ["HuggingFace:PollInterval"] = "1.00:00:00",
                ["Console:Commands"] = "false",
                ["Semantic:EmbedInterval"] = "00:00:15",
                ["Semantic:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:PaperBot.Workers.SearchIndexWarmer"] = "Information",
                ["Logging:LogLevel:PaperBot.Semantic.EmbeddingWorker"] = "Information",
            });
            await bot.WaitForStderrAsync("Search index built", TimeSpan.FromMinutes(3));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var idle = bot.RssMegabytes();

            // Sampled until the embedder says it is done; the model loads on its first round, 15 s after start.
            var peak = idle;
            var clock = Stopwatch.StartNew();
            while (!bot.Stderr.Contains("; 0 to go", StringComparison.Ordinal))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new InvalidOperationException($"The embedder did not finish in 10 minutes; its log:\n{bot.Stderr}");
                }

                peak = Math.Max(peak, bot.RssMegabytes());
                await Task.Delay(20);
            }

            var embedding = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = bot.RssMegabytes();
            Console.WriteLine($"host at {Count:N0} papers, {Count - Waiting:N0} stored vectors, {Waiting} to embed (batches of {batchSize}, {Environment.ProcessorCount} cores):");
            Console.WriteLine($"  RSS idle, model not loaded (baseline): {idle:F0} MB");
            Console.WriteLine($"  RSS peak while loading the model, the {Count:N0} vectors and embedding {Waiting} papers: {peak:F0} MB ({peak / idle:F2}x idle; goal <= 400 MB)");
            Console.WriteLine($"  RSS after, model loaded and vectors in memory: {after:F0} MB ({after / idle:F2}x idle); embedder done {embedding.TotalSeconds:F0} s after the idle reading");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Seed(string path)
    {
        var papers = new PaperGenerator(seed: 5).Generate(Count);
        var random = new Random(4);
        using var store = LiteDbStore.Open(path);
        for (var start = 0; start < Count; start += 2_000)
        {
            var chunk = papers.Skip(start).Take(2_000).ToList();
            store.RecordPoll(chunk, [], new PollState(true, DateTimeOffset.UtcNow, chunk[^1].ListedOn));
        }

        // Random unit vectors stand in for the stored ones (embedding 20,000 abstracts here would take over an hour).
        store.SaveEmbeddings([.. papers.Take(Count - Waiting).Select(p =>
        {
            var vector = new float[384];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(random.NextDouble() - 0.5);
            }

            VectorMath.Normalize(vector);
            return new PaperEmbedding(p.ArxivId, "all-MiniLM-L6-v2/" + PaperEmbedder.Recipe, vector);
        })]);
    }
}
