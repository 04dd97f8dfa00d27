using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;
using Xunit.Abstractions;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>
/// 12,000 generated requests (random JSON and bytes, and real payloads mutated in structure and value) POSTed to the
/// real interactions endpoint, almost all signed with the application's key so they reach the handlers: nothing
/// crashes, every answer is one the endpoint documents, and nothing wrong is stored.
/// </summary>
public sealed class InteractionFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 12_000;
    private DiscordHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DiscordHost.StartAsync();
        _host.SeedPapers([.. Enumerable.Range(1, 12).Select(i => TestPapers.Make($"2511.{i:00000}", $"Agents and robotics {i}", upvotes: 5 * i))]);
        _host.SeedPost(TestPapers.Make("2511.00001", "Agents and robotics 1"), InteractionJson.ChannelId, "1300000000000000001");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task InteractionsEndpoint_TwelveThousandFuzzedRequests_NoCrashNoUndocumentedStatusNothingStoredWrongly()
    {
        var oracle = new FuzzOracle();
        var failures = new ConcurrentQueue<string>();
        using var forger = TestKeys.Other();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var fuzz = FuzzCorpus.Generate(index);
            if (fuzz.Auth == FuzzAuth.Signed)
            {
                oracle.Observe(fuzz.Body);
            }

            using var response = await _host.Http.SendAsync(FuzzRequests.Build(fuzz, _host.Keys, forger, _host.Time.GetUtcNow()));
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (FuzzRequests.Problem(fuzz, response.StatusCode, await response.Content.ReadAsStringAsync()) is { } problem)
            {
                failures.Enqueue($"case {index} ({fuzz.Origin}, {fuzz.Auth}, {fuzz.Body.Length} bytes): {problem}");
            }
        });

        await _host.Services.GetRequiredService<DeferredReplies>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var crashes = _host.Logs.Lines.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(failures.IsEmpty && crashes.Count == 0,
            $"{failures.Count} bad answers, e.g.\n{string.Join('\n', failures.Take(10))}\n{crashes.Count} error logs; distinct crash sites:\n{DistinctCrashes(crashes)}");
        AssertStoredSubscriptionsValid(oracle);
        AssertSavedPapersValid(oracle);
        Assert.True(statuses.GetValueOrDefault(200) > Cases / 10, $"Too few requests got through to a handler: {Describe(statuses)}");
        output.WriteLine($"{Cases} requests, answers by status: {Describe(statuses)}");
    }

    private void AssertStoredSubscriptionsValid(FuzzOracle oracle)
    {
        var store = _host.Store;
        var all = store.ActiveSubscriptions().Concat(store.PausedChannels().SelectMany(c => store.SubscriptionsOf(c.Channel))).ToList();
        Assert.NotEmpty(all);
        foreach (var subscription in all)
        {
            Assert.True(TopicQuery.TryParse(subscription.Query, out var query, out var error), $"Stored query \"{subscription.Query}\" does not parse: {error}");
            Assert.Equal(subscription.Query, query.Text);
            Assert.Equal("discord", subscription.Channel.Platform);
            Assert.True(oracle.ManagedChannels.ContainsKey(subscription.Channel.Id),
                $"Subscription #{subscription.Id} in channel {subscription.Channel.Id}, which only members who may not manage it addressed");
            Assert.True(subscription.Options.MinUpvotes is null or >= 0, $"Subscription #{subscription.Id} has min upvotes {subscription.Options.MinUpvotes}");
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(subscription.Options.TimeZone, out _), $"Unknown time zone {subscription.Options.TimeZone}");
        }
    }

    private void AssertSavedPapersValid(FuzzOracle oracle)
    {
        var saved = oracle.UserRefs().SelectMany(_host.Store.ListSaved).ToList();
        Assert.NotEmpty(saved);
        foreach (var paper in saved)
        {
            Assert.True(ArxivId.TryNormalize(paper.ArxivId, out var id) && id == paper.ArxivId, $"Saved \"{paper.ArxivId}\" is not a canonical arXiv id");
        }
    }

    /// <summary>Each distinct exception and the frame it came from, so one bug shows once however often the fuzzer hit it.</summary>
    private static string DistinctCrashes(List<string> crashes) => string.Join("\n", crashes
        .Select(c => c.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("Exception", StringComparison.Ordinal) || l.StartsWith("at PaperBot.", StringComparison.Ordinal)).Take(3))
        .Select(lines => string.Join(" | ", lines.Select(l => Shorten(l.Contains("Exception", StringComparison.Ordinal) ? l[Math.Max(0, l.IndexOf("System.", StringComparison.Ordinal))..] : l))))
        .Distinct(StringComparer.Ordinal)
        .Take(10));

    private static string Shorten(string line) => line.Length <= 240 ? line : line[..240] + "…";

    private static string Describe(ConcurrentDictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value}")));
}
