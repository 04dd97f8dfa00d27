using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Channels;
using PaperBot.Core.Matching;

namespace PaperBot.Benchmarks;

/// <summary>Indexed subscription matching against naive evaluation, on the same data in the same run.</summary>
internal static class MatchingBenchmark
{
    public static int Run()
    {
        const int SubscriptionCount = 100_000;
        const int PaperCount = 500;
        const int SubscriptionsPerChannel = 4;

        var at = new DateTimeOffset(2025, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var queries = new QueryGenerator(seed: 7);
        var subscriptions = Enumerable.Range(0, SubscriptionCount)
            .Select(i => new Subscription(i + 1, new ChannelRef("discord", (i / SubscriptionsPerChannel).ToString(CultureInfo.InvariantCulture)), queries.Next(), "bench", at))
            .ToList();
        var papers = new PaperGenerator(seed: 11).Generate(PaperCount);

        var build = Stopwatch.StartNew();
        var index = SubscriptionIndex.Build(subscriptions);
        build.Stop();
        var naive = new NaiveMatcher(subscriptions);
        var matcher = new SubscriptionMatcher(NullLogger<SubscriptionMatcher>.Instance);

        // Warm both paths (JIT, and the matcher's compiled-index cache) before timing.
        var expected = naive.Match(papers);
        var actual = matcher.Match(papers, subscriptions);
        var identical = MatchComparison.Identical(expected, actual, out var difference);

        var naiveTime = Timing.Median(3, () => naive.Match(papers));
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = GC.CollectionCount(0);
        var indexedTime = Timing.Median(15, () => matcher.Match(papers, subscriptions));
        var paused = (GC.GetTotalPauseDuration() - pausedBefore) / 15;
        var collections = (GC.CollectionCount(0) - collectionsBefore) / 15.0;

        Console.WriteLine($"subscriptions:        {subscriptions.Count:N0} ({index.QueryCount:N0} distinct queries, {index.UnanchoredCount} unanchored) in {subscriptions.Count / SubscriptionsPerChannel:N0} channels");
        Console.WriteLine($"papers:               {papers.Count}");
        Console.WriteLine($"channel matches:      {actual.Count:N0} (topics {actual.Sum(m => m.Topics.Count):N0})");
        Console.WriteLine($"results identical:    {(identical ? "yes" : "NO - " + difference)}");
        Console.WriteLine($"index build:          {build.Elapsed.TotalMilliseconds,8:F1} ms (once per change of the subscription list)");
        Console.WriteLine($"naive  (median of 3): {naiveTime.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"indexed (median of 15): {indexedTime.TotalMilliseconds,6:F1} ms (GC pauses {paused.TotalMilliseconds:F1} ms and {collections:F1} collections per batch, on average)");
        var ratio = naiveTime / indexedTime;
        Console.WriteLine($"speed-up:             {ratio,8:F1}x");
        var passed = identical && ratio >= 20 && indexedTime < TimeSpan.FromMilliseconds(200);
        Console.WriteLine($"targets (>= 20x, < 200 ms, identical): {(passed ? "met" : "MISSED")}");
        return passed ? 0 : 1;
    }
}
