using System.Diagnostics;
using System.Globalization;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Platforms;
using PaperBot.Testing.Postgres;
using PaperBot.Testing.Slack;

namespace PaperBot.Benchmarks;

/// <summary>
/// 3 papers x 1,000 channels fanned out by one and by three real paperbot replicas (Release, child processes) on one
/// throwaway PostgreSQL database, against the rate-limited Discord and Slack fakes of the delivery benchmark. The
/// replicas start, see each other, and then the papers and their 3,000 deliveries are recorded as a poll would record
/// them; the clock runs until every delivery is sent in the database. Printed as posts/s against the platform's ceiling
/// and three replicas against one.
/// </summary>
internal static class ReplicaDeliveryBenchmark
{
    private const int ChannelCount = 1_000;
    private const string Lease = "00:00:03";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    private static readonly Core.Papers.Paper[] Papers = DeliveryBenchmark.Papers;

    public static async Task<int> RunAsync(string? platform)
    {
        Console.WriteLine($"3 papers x {ChannelCount:N0} channels, one and three replicas (Replicas:LeaseDuration {Lease}: a beat every second)");
        await using var listing = await FakeListingServer.StartAsync();
        listing.SetPage("/papers", ListingDocuments.PageHtml(Papers, TestPapers.Day));
        foreach (var name in platform is null ? ["discord", "slack"] : new[] { platform })
        {
            var runs = new List<ReplicaRun>();
            foreach (var replicas in new[] { 1, 3 })
            {
                runs.Add(await RunOnceAsync(name, replicas, listing.BaseUrl));
                Console.WriteLine(runs[^1]);
            }

            Console.WriteLine($"  {name}: three replicas at {runs[1].PostsPerSecond / runs[0].PostsPerSecond:P0} of one replica's posts/s");
        }

        return 0;
    }

    private static async Task<ReplicaRun> RunOnceAsync(string platform, int replicaCount, string listingUrl)
    {
        using var database = PostgresCluster.Shared.CreateDatabase();
        using (var seed = PostgresStore.Open(database.ConnectionString))
        {
            // Known papers, as after a poll: the replicas' own polls find nothing new.
            seed.RecordPoll(Papers, [], new PollState(true, DateTimeOffset.UtcNow, TestPapers.Day));
        }

        await using var discord = await FakeDiscordRest.StartAsync(new DiscordLimits(TimeProvider.System));
        var slackLimits = new SlackLimits(TimeProvider.System);
        await using var slack = await FakeSlack.StartAsync();
        slack.Limits = slackLimits;
        var settings = new Dictionary<string, string>
        {
            ["HuggingFace:BaseUrl"] = listingUrl,
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Replicas:LeaseDuration"] = Lease,
            ["Console:Commands"] = "false",
            ["Discord:BotToken"] = "bench-bot-token",
            ["Discord:ApplicationId"] = "1263178492816216064",
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:Gateway:Enabled"] = "false",
            ["Slack:BotToken"] = "xoxb-bench",
            ["Slack:SigningSecret"] = "bench-signing-secret",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        };

        var hosts = Enumerable.Range(0, replicaCount).Select(_ => HostProcess.Start(settings)).ToList();
        try
        {
            foreach (var host in hosts)
            {
                await host.WaitForStderrAsync($"sees {replicaCount} live replicas", TimeSpan.FromMinutes(2));
            }

            var channels = Enumerable.Range(0, ChannelCount).Select(i => platform == "discord"
                ? new ChannelRef("discord", (1_600_000_000_000_000_000UL + (ulong)i).ToString(CultureInfo.InvariantCulture))
                : new ChannelRef("slack", $"C{i:D8}")).ToList();
            var at = DateTimeOffset.UtcNow;
            var deliveries = Papers.SelectMany(p => channels.Select(c => Delivery.New(c, p.ArxivId, ["bench"], at))).ToList();
            using var store = PostgresStore.Open(database.ConnectionString);
            var clock = Stopwatch.StartNew();
            store.RecordPoll(Papers, deliveries, new PollState(true, at, TestPapers.Day));
            var drained = await SentAsync(store, Patience);
            var elapsed = clock.Elapsed;

            var created = platform == "discord"
                ? discord.Posts.Where(p => !p.Resend).Select(p => p.ChannelId + "|" + p.Nonce).ToList()
                : [.. slack.CallsTo("chat.postMessage").Where(c => !c.Refused)
                    .Select(c => c.Json.GetProperty("metadata").GetProperty("event_payload").GetProperty("delivery_id").GetString() ?? "")];
            var tooMany = platform == "discord" ? DiscordTooMany(discord) : slackLimits.TooManyRequests;
            return new ReplicaRun(platform, replicaCount, drained, elapsed, created.Count, created.Count - created.Distinct().Count(),
                deliveries.Count - created.Distinct().Count(), tooMany,
                [.. hosts.Select(h => h.Stderr.Split('\n').Count(l => l.Contains("Posted " + platform + ":", StringComparison.Ordinal)))],
                platform == "discord" ? DiscordLimits.GlobalPerSecond : ChannelCount * SlackLimits.PostsPerSecondPerChannel);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static IReadOnlyDictionary<string, int> DiscordTooMany(FakeDiscordRest discord) => discord.Limits?.TooManyRequests ?? new Dictionary<string, int>();

    /// <summary>Until nothing is owed in the database (read every 100 ms); false on timeout or when some failed.</summary>
    private static async Task<bool> SentAsync(PostgresStore store, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (store.CountOutbox() is { Owed: > 0 })
        {
            if (clock.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return store.CountOutbox().Failed == 0;
    }
}
