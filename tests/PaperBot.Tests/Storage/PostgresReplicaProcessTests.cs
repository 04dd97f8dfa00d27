using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Postgres;
using PaperBot.Tests.Support;
using Xunit.Abstractions;

namespace PaperBot.Tests.Storage;

/// <summary>
/// Two and three real paperbot replicas on one throwaway PostgreSQL database: the leader SIGKILLed (the other takes over
/// polling, and its search saw the leader's papers), and a replica SIGKILLed in the middle of a fan-out to 30 Discord
/// channels while its post's answer is held (every paper reaches every channel exactly once, in order).
/// </summary>
public sealed class PostgresReplicaProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int SigKill = 9;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();
    private FakeListingServer _listing = null!;
    private FakeDiscordRest _discord = null!;

    public async Task InitializeAsync()
    {
        _listing = await FakeListingServer.StartAsync();
        _discord = await FakeDiscordRest.StartAsync();
        _listing.SetPage("/papers", ListingDocuments.PageHtml(CrashRig.Known, TestPapers.Day));
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _listing.DisposeAsync();
        _database.Dispose();
    }

    private Dictionary<string, string> Environment(bool console = false) => new()
    {
        ["PaperBot__HuggingFace__BaseUrl"] = _listing.BaseUrl,
        ["PaperBot__HuggingFace__RetryBaseDelay"] = "00:00:00.050",
        ["PaperBot__Storage__Provider"] = "Postgres",
        ["PaperBot__Storage__ConnectionString"] = _database.ConnectionString,
        ["PaperBot__Replicas__LeaseDuration"] = ReplicaProcesses.LeaseDuration,
        ["PaperBot__Admin__Token"] = ReplicaProcesses.AdminToken,
        ["PaperBot__Console__Commands"] = console ? "true" : "false",
        ["PaperBot__Discord__BotToken"] = "fake-bot-token",
        ["PaperBot__Discord__ApplicationId"] = "1263178492816216064",
        ["PaperBot__Discord__PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        ["PaperBot__Discord__ApiBaseUrl"] = _discord.ApiBaseUrl,
        ["PaperBot__Discord__Gateway__Enabled"] = "false",
        ["Urls"] = "http://127.0.0.1:0",
    };

    [Fact]
    public async Task TwoReplicas_LeaderKilled_TheOtherTakesOverPollingAndShowsBothInHealth()
    {
        await using var leader = BotProcess.Start(Environment());
        await leader.WaitForStderrAsync("now leads");
        await leader.WaitForStderrAsync("First poll: recorded 1 listed papers");
        await using var follower = BotProcess.Start(Environment(console: true));
        var (leaderId, followerId) = (await ReplicaProcesses.IdAsync(leader), await ReplicaProcesses.IdAsync(follower));
        await follower.WaitForStderrAsync("sees 2 live replicas");
        var followerAddress = await follower.ListeningAddressAsync();

        // A paper the leader records reaches the follower's search index through its heartbeat.
        _listing.SetPage("/papers", ListingDocuments.PageHtml([.. CrashRig.Known, .. CrashRig.Fresh], TestPapers.Day));
        using (var admin = new AdminClient(await leader.ListeningAddressAsync(), ReplicaProcesses.AdminToken))
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync("/admin/poll", withAntiforgery: false)).StatusCode);
        }

        await follower.WaitForStderrAsync("Search index brought up to date with 4 papers");
        await follower.SendAsync("/papers search debating");
        await follower.WaitForStdoutAsync("Debating agents");
        using (var admin = new AdminClient(followerAddress, ReplicaProcesses.AdminToken))
        {
            var poll = await admin.PostAsync("/admin/poll", withAntiforgery: false);
            Assert.Contains("done=not-leader", poll.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("now leads", follower.Stderr);
        await leader.InterruptAsync(SigKill);
        var takeover = System.Diagnostics.Stopwatch.StartNew();
        await follower.WaitForStderrAsync("now leads", Patience);
        await follower.WaitForStderrAsync("Poll: 4 papers listed, 0 new", Patience);
        output.WriteLine($"Takeover and first poll {takeover.ElapsedMilliseconds} ms after the SIGKILL (lease {ReplicaProcesses.LeaseDuration})");

        var replicas = (await ReplicaProcesses.HealthAsync(followerAddress)).GetProperty("checks").GetProperty("replicas");
        Assert.Equal("Healthy", replicas.GetProperty("status").GetString());
        Assert.Equal(followerId, replicas.GetProperty("data").GetProperty("polling").GetString());
        var listed = replicas.GetProperty("data").GetProperty("replicas").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("alive").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { [leaderId] = false, [followerId] = true }, listed);
        using (var admin = new AdminClient(followerAddress, ReplicaProcesses.AdminToken))
        {
            var (_, html, _) = await admin.GetAsync();
            Assert.Contains($"<tr data-replica=\"{followerId}\"><td>{followerId} (this one)", html, StringComparison.Ordinal);
            Assert.Contains("data-field=\"role\">polls</td>", html, StringComparison.Ordinal);
            Assert.Contains("gone (no heartbeat)", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await follower.InterruptAsync(BotProcess.SigTerm));
    }

    [Fact]
    public async Task ThreeReplicas_OneKilledMidFanOut_EveryPaperReachesEveryChannelOnceAndInOrder()
    {
        var channels = Enumerable.Range(1, 30).Select(i => (1_600_000_000_000_000_000UL + (ulong)i).ToString(CultureInfo.InvariantCulture)).ToArray();
        using (var seed = PostgresStore.Open(_database.ConnectionString))
        {
            foreach (var channel in channels)
            {
                seed.AddSubscription(new ChannelRef("discord", channel), "agents", "discord:53908232506183680", DateTimeOffset.UtcNow);
            }

            seed.RecordPoll(CrashRig.Known, [], new PollState(true, DateTimeOffset.UtcNow, TestPapers.Day));
        }

        var bots = new List<BotProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                bots.Add(BotProcess.Start(Environment()));
            }

            var ids = new List<string>();
            foreach (var bot in bots)
            {
                ids.Add(await ReplicaProcesses.IdAsync(bot));
                await bot.WaitForStderrAsync("sees 3 live replicas", Patience);
            }

            var leader = await ReplicaProcesses.WaitForAnyAsync(bots, "now leads", Patience);
            await leader.WaitForStderrAsync("Poll: 1 papers listed", Patience);

            // The 20th of the 90 posts gets no answer until its replica is dead: the window only the nonce protects.
            const int KillAt = 20;
            var held = _discord.HoldAnswerTo(KillAt);
            _listing.SetPage("/papers", ListingDocuments.PageHtml([.. CrashRig.Known, .. CrashRig.Fresh], TestPapers.Day));
            using (var admin = new AdminClient(await leader.ListeningAddressAsync(), ReplicaProcesses.AdminToken))
            {
                Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync("/admin/poll", withAntiforgery: false)).StatusCode);
            }

            await _discord.WaitUntilAsync(p => p.Count >= KillAt, Patience, $"post {KillAt}");
            var victim = bots[ids.IndexOf(HolderOf(_discord.Posts[KillAt - 1].ChannelId))];
            await victim.InterruptAsync(SigKill);
            held.TrySetResult();

            var expected = channels.SelectMany(c => CrashRig.Fresh.Select(p => Core.Storage.Delivery.IdFor(new ChannelRef("discord", c), p.ArxivId))).ToList();
            // The victim's deliveries are settled in the database (its last log lines may be lost with it); a delivery
            // not sent there yet must be sent, and logged, by a survivor.
            var survivors = bots.Where(b => b != victim).ToList();
            using (var check = PostgresStore.Open(_database.ConnectionString))
            {
                foreach (var id in expected.Where(id => check.FindDelivery(id)?.State != DeliveryState.Sent))
                {
                    await ReplicaProcesses.WaitForAnyAsync(survivors, $"Posted {id} to", Patience);
                }
            }

            AssertExactlyOnceInOrder(channels);
            var posting = bots.Count(b => b.Stderr.Contains("Posted discord:", StringComparison.Ordinal));
            Assert.True(posting >= 2, "the killed replica and a survivor should both have posted");
            Assert.Contains(_discord.Posts, p => p.Resend);
            output.WriteLine($"{_discord.Posts.Count} create-message requests, {_discord.Posts.Count(p => p.Resend)} resends absorbed by the nonce; "
                + $"posts per replica: {string.Join(", ", bots.Select(b => CountLines(b.Stderr, "Posted discord:")))}");
            foreach (var survivor in survivors)
            {
                Assert.Equal(0, await survivor.InterruptAsync(BotProcess.SigTerm));
            }

            using var store = PostgresStore.Open(_database.ConnectionString);
            Assert.Empty(store.Pending());
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    private string HolderOf(string channelId)
    {
        using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT holder FROM channel_leases WHERE channel_key = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = "discord:" + channelId });
        return (string)command.ExecuteScalar()!;
    }

    private void AssertExactlyOnceInOrder(string[] channels)
    {
        var posts = _discord.Posts;
        Assert.All(posts, p => Assert.True(p.EnforceNonce && p.Nonce is not null));
        foreach (var channel in channels)
        {
            var created = posts.Where(p => p.ChannelId == channel && !p.Resend).Select(p => p.Nonce!).ToList();
            var owed = CrashRig.Fresh.Select(p => NonceFor(Core.Storage.Delivery.IdFor(new ChannelRef("discord", channel), p.ArxivId))).ToList();
            Assert.Equal(owed, created);
        }
    }

    private static int CountLines(string log, string text) => log.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private static string NonceFor(string deliveryId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..25];
}
