using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Testing.Platforms;
using PaperBot.Testing.Slack;

namespace PaperBot.Benchmarks;

/// <summary>
/// 3 new papers fanned out to 1,000 channels through PaperBot's real delivery path, against fakes on 127.0.0.1
/// that enforce the platforms' rate limits: Discord 50 requests/s global and 5 per 5 s per channel
/// (<see cref="DiscordLimits"/>), Slack one post per second per channel (<see cref="SlackLimits"/>). Real time,
/// no clock scaling. The ceiling is what the fake's rules allow for exactly this workload, so the ratio compares
/// the bot with a perfect client.
/// </summary>
internal static class DeliveryBenchmark
{
    private const int ChannelCount = 1_000;

    /// <summary>A small fan-out first, in the same process, so that JIT compilation is not measured.</summary>
    private const int WarmUpChannels = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>The papers of a fan-out, also the replicas benchmark's.</summary>
    internal static readonly Core.Papers.Paper[] Papers =
    [
        TestPapers.Make("2611.20001", "Sparse mixtures of experts at scale", upvotes: 30),
        TestPapers.Make("2611.20002", "Agents that plan with world models", upvotes: 20),
        TestPapers.Make("2611.20003", "Diffusion transformers for video", upvotes: 10),
    ];

    /// <param name="platform">"discord" or "slack" for one of them; both when null.</param>
    public static async Task<int> RunAsync(string? platform)
    {
        var reports = new List<FanOutReport>();
        if (platform is null or "discord")
        {
            await DiscordAsync(WarmUpChannels);
            reports.Add(await DiscordAsync(ChannelCount));
            Console.WriteLine(reports[^1]);
        }

        if (platform is null or "slack")
        {
            await SlackAsync(WarmUpChannels);
            reports.Add(await SlackAsync(ChannelCount));
            Console.WriteLine(reports[^1]);
        }

        var met = reports.Count > 0 && reports.All(r => r.Met);
        Console.WriteLine($"targets (>= 95% of ceiling, <= one 429 per bucket, none lost, none duplicated): {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }

    private static async Task<FanOutReport> DiscordAsync(int channelCount)
    {
        var limits = new DiscordLimits(TimeProvider.System);
        await using var fake = await FakeDiscordRest.StartAsync(limits);
        await using var bot = new BenchBot(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "bench-bot-token",
            ["Discord:ApplicationId"] = "1263178492816216064",
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:Gateway:Enabled"] = "false",
        });
        var channels = Enumerable.Range(0, channelCount)
            .Select(i => new ChannelRef("discord", (1_600_000_000_000_000_000UL + (ulong)i).ToString(CultureInfo.InvariantCulture))).ToList();
        var deliveries = bot.Enqueue(Papers, channels);

        var clock = Stopwatch.StartNew();
        var drained = await bot.DrainAsync(Patience);
        var elapsed = clock.Elapsed;

        // Save-hint reactions go in the spare capacity after the posts: measured apart, once every post is out.
        var hintsDone = await WaitForAsync(() => fake.Reactions >= fake.Posts.Count(p => !p.Resend), Patience);
        var hintsElapsed = clock.Elapsed - elapsed;

        // The target is on posts: the fake takes a first burst of 50, then 50 a second.
        var posts = fake.Posts;
        var served = posts.Count;
        var expected = deliveries.Select(d => (d.Channel.Id, Nonce(d.Id))).ToHashSet();
        var created = posts.Where(p => !p.Resend).Select(p => (p.ChannelId, p.Nonce ?? "")).ToList();
        var perfectSeconds = (served - DiscordLimits.GlobalPerSecond) / (double)DiscordLimits.GlobalPerSecond;
        return new FanOutReport(
            "Discord", channelCount, drained, elapsed, served, "posts", DiscordLimits.GlobalPerSecond, served / perfectSeconds,
            $"global {DiscordLimits.GlobalPerSecond}/s (bursts of {DiscordLimits.GlobalPerSecond}); per channel {DiscordLimits.Messages.Limit} posts per {DiscordLimits.Messages.Window.TotalSeconds:0} s",
            limits.TooManyRequests, Missing: expected.Except(created).Count(), Duplicated: created.Count - created.Distinct().Count(),
            Unexpected: created.Distinct().Except(expected).Count(), NotSent: Unsent(bot.Store, deliveries), bot.Log)
        {
            Detail = $"save-hint reactions after the posts: {fake.Reactions:N0} in {hintsElapsed.TotalSeconds:F2} s more"
                + $" ({fake.Reactions / Math.Max(hintsElapsed.TotalSeconds, 0.001):F1}/s){(hintsDone ? "" : " (GAVE UP WAITING: some missing)")}"
                + $"; {posts.Count(p => p.At <= FirstReactionAt(fake)):N0} posts had gone out before the first hint",
        };
    }

    private static DateTimeOffset FirstReactionAt(FakeDiscordRest fake) => fake.FirstReactionAt ?? DateTimeOffset.MaxValue;

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    private static async Task<FanOutReport> SlackAsync(int channelCount)
    {
        var bare = await BareSlackClient.RunAsync(channelCount, Papers.Length, new Core.Outbox.DeliveryOptions().ParallelSends);

        var limits = new SlackLimits(TimeProvider.System);
        await using var fake = await FakeSlack.StartAsync();
        fake.Limits = limits;
        await using var bot = new BenchBot(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-bench",
            ["Slack:SigningSecret"] = "bench-signing-secret",
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
        });
        var channels = Enumerable.Range(0, channelCount).Select(i => new ChannelRef("slack", $"C{i:D8}")).ToList();
        var deliveries = bot.Enqueue(Papers, channels);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var drained = await bot.DrainAsync(Patience);
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var posts = fake.CallsTo("chat.postMessage").Where(c => !c.Refused).ToList();
        var created = posts.Select(DeliveryIdOf).ToList();
        var expected = deliveries.Select(d => d.Id).ToHashSet();

        // One post per second per channel: the channels together take channelCount posts a second. A zero-cost client
        // would post to every channel at once and be done (papers - 1) seconds later.
        var perfectSeconds = (Papers.Length - 1) / SlackLimits.PostsPerSecondPerChannel;
        var reactions = fake.CallsTo("reactions.add").Count(c => !c.Refused);

        // How long one post to every channel took: a perfect client does it at once, so this is PaperBot's own cost.
        var firstWave = posts.Select(p => p.At).Order().ToList() is var arrivals && arrivals.Count >= channelCount ? arrivals[channelCount - 1] - arrivals[0] : TimeSpan.Zero;
        return new FanOutReport(
            "Slack", channelCount, drained, elapsed, posts.Count, $"posts ({reactions} save-hint reactions besides, within Tier 3)",
            channelCount * SlackLimits.PostsPerSecondPerChannel, posts.Count / perfectSeconds,
            $"{SlackLimits.PostsPerSecondPerChannel:0} post/s per channel, no bursts; reactions.add {SlackLimits.ReactionsPerMinute}/min",
            limits.TooManyRequests, Missing: expected.Except(created).Count(), Duplicated: created.Count - created.Distinct().Count(),
            Unexpected: created.Distinct().Except(expected).Count(), NotSent: Unsent(bot.Store, deliveries), bot.Log)
        {
            Detail = $"one post to each of the {channelCount:N0} channels took {firstWave.TotalSeconds:F2} s ({channelCount / Math.Max(firstWave.TotalSeconds, 0.001):F0} posts/s: PaperBot's own pace, below the limit)"
                + $"; each {channelCount:N0} posts in turn arrived {Waves(posts.Select(p => p.At - startedAt), channelCount)} s after the start",
            Baseline = bare.Posts / bare.Elapsed.TotalSeconds,
            BaselineText = $"a bare HTTP client (same fake and limits, same pacing and parallelism, no storage or rendering) posted {bare.Posts:N0} in {bare.Elapsed.TotalSeconds:F2} s ({bare.Refused} refused)",
            Cpu = $"PaperBot {PerPost(cpu, posts.Count)} us/post, the bare client {PerPost(bare.Cpu, bare.Posts)} us/post (this process's CPU time while posting, the fake Slack's share included)",
        };
    }

    /// <summary>First and last arrival of each successive <paramref name="size"/> posts, in seconds: where a fan-out spends its time.</summary>
    private static string Waves(IEnumerable<TimeSpan> arrivals, int size) => string.Join(", ", arrivals.Order().Chunk(size)
        .Select(wave => string.Create(CultureInfo.InvariantCulture, $"{wave[0].TotalSeconds:F2}-{wave[^1].TotalSeconds:F2}")));

    private static string PerPost(TimeSpan cpu, int posts) => (cpu.TotalMicroseconds / Math.Max(posts, 1)).ToString("F0", CultureInfo.InvariantCulture);

    private static string DeliveryIdOf(FakeSlackCall call) =>
        call.Json.GetProperty("metadata").GetProperty("event_payload").GetProperty("delivery_id").GetString() ?? "";

    private static int Unsent(LiteDbStore store, IEnumerable<Delivery> deliveries) =>
        deliveries.Count(d => store.FindDelivery(d.Id)?.State != DeliveryState.Sent);

    /// <summary>The nonce PaperBot's Discord publisher derives from a delivery id (first 25 hex digits of its SHA-256).</summary>
    private static string Nonce(string deliveryId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..25];
}
