using System.Diagnostics;
using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Benchmarks;

/// <summary>
/// The store schema upgrade (version 1 to 2: papers-days re-estimated) on a store of years of Daily Papers, against a
/// full read of the same papers measured in the same run, and the memory it takes.
/// </summary>
internal static class UpgradeBenchmark
{
    public static int Run()
    {
        foreach (var count in new[] { 20_000, 40_000 })
        {
            Measure(count);
        }

        return 0;
    }

    private static void Measure(int count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-upgrade-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // About 30 papers a papers-day, each published on arXiv a few days before it was listed.
            var start = new DateOnly(2022, 1, 3);
            var papers = new PaperGenerator(seed: count).Generate(count).Select((p, i) =>
            {
                var day = start.AddDays(i / 30);
                return p with
                {
                    ArxivId = string.Create(CultureInfo.InvariantCulture, $"{2200 + i / 50_000}.{i % 50_000:D5}"),
                    ListedOn = day,
                    PublishedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero).AddDays(-(i % 9) - 1),
                };
            }).ToList();
            var path = Path.Combine(folder, "paperbot.db");
            LegacyStore.Write(path, papers, p => new DateTimeOffset(p.ListedOn.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero), papers[^1].ListedOn);
            var size = new FileInfo(path).Length;

            papers = [.. papers.Select(p => p with { Abstract = "" })];
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64;
            using var sampler = new PeakSampler();
            var watch = Stopwatch.StartNew();
            int upgraded;
            using (var store = LiteDbStore.Open(path))
            {
                upgraded = store.Upgrades.Count;
            }

            var upgrade = watch.Elapsed;
            var peak = sampler.Stop();

            // Baseline: the same papers read back in full from the upgraded store (what any scan of the store costs).
            watch.Restart();
            int read;
            using (var store = LiteDbStore.Open(path))
            {
                read = store.ListedSince(DateOnly.MinValue).Count;
            }

            var scan = watch.Elapsed;
            using var check = LiteDbStore.Open(path);
            var wrong = papers.Count(p => check.Find(p.ArxivId)!.ListedOn != p.ListedOn);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count:N0} papers ({size / 1024.0 / 1024.0:0.0} MB store): upgrade {upgrade.TotalMilliseconds:0} ms ({upgraded} upgrade ran); " +
                $"full read of the same papers {scan.TotalMilliseconds:0} ms; ratio {upgrade / scan:0.0}x; " +
                $"working set {before / 1048576.0:0} MB before, {peak / 1048576.0:0} MB at most during the upgrade; days estimated wrong: {wrong} of {read}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Samples the process's working set every 5 ms until stopped; the largest sample is the peak of that span.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _task;

        public PeakSampler() => _task = Task.Run(async () =>
        {
            long peak = 0;
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5).ConfigureAwait(false);
            }

            return peak;
        });

        public long Stop()
        {
            _stop.Cancel();
            return _task.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
