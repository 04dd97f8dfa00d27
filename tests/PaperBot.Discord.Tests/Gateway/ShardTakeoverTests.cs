using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Sharding;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Tests.Support;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Postgres;

namespace PaperBot.Discord.Tests.Gateway;

/// <summary>
/// Two replicas sharing the shards through the shard leases of one real PostgreSQL database (the throwaway test cluster),
/// on one fake Discord and one clock: when the replica holding the shards dies, the other identifies them as soon as the
/// leases run out, and reactions on them save papers again.
/// </summary>
public sealed class ShardTakeoverTests : IAsyncLifetime
{
    private const string PostId = "1400000000000000001";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly SignalingTimeProvider _time = new();
    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();
    private readonly List<PostgresStore> _stores = [];
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync(_time);
        _fake.AutoGateway = true;
        _fake.MaxConcurrency = 2;
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _stores.ForEach(s => s.Dispose());
        _database.Dispose();
    }

    [Fact]
    public async Task ReplicaDies_HoldingBothShards_OtherIdentifiesThemWhenTheLeaseRunsOutAndReactionsSave()
    {
        var start = _time.GetUtcNow();
        var (first, firstLeases) = await StartReplicaAsync();
        await using var a = first;
        await _fake.WaitForIdentifyAsync(0);
        await _fake.WaitForIdentifyAsync(1);
        var (b, _) = await StartReplicaAsync();
        await using var second = b;
        await b.Logs.WaitForAsync("Discord Gateway shards none of 2");
        Assert.Contains($"shard 0 held by {a.Gateway.Owner}", b.Gateway.Report().Description);
        Assert.Contains("shard 0 of 2 connected; shard 1 of 2 connected", a.Gateway.Report().Description);

        firstLeases.Kill();
        await a.StopAsync();
        await Task.WhenAll(_fake.Starts.Select(s => s.Session.Connection.Finished)).WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(Lease - TimeSpan.FromMilliseconds(100));
        // B's heartbeat just before the leases run out claims nothing and waits exactly until they do.
        await _time.WaitForTimerAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, _fake.Starts.Count);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var zero = await _fake.WaitForIdentifyAsync(0, after: 2);
        var one = await _fake.WaitForIdentifyAsync(1, after: 2);

        Assert.Equal(start + Lease, zero.At);
        Assert.Equal(start + Lease, one.At);
        b.SeedPost(TestPapers.Make("2511.01234", "World models"), InteractionJson.ChannelId, PostId, _time.GetUtcNow());
        var shard = GatewayShard.ForGuild(ulong.Parse(InteractionJson.GuildId, System.Globalization.CultureInfo.InvariantCulture), 2);
        var session = (shard == 0 ? zero : one).Session;
        await session.DispatchAsync("MESSAGE_REACTION_ADD", GatewayJson.Reaction(InteractionJson.UserId, PostId, "🔖"));
        await session.BarrierAsync();
        Assert.Equal("2511.01234", Assert.Single(b.Saved(InteractionJson.UserId)).ArxivId);
        Assert.Contains("this replica", b.Gateway.Report().Description);
        Assert.Contains("shard 0 of 2 connected; shard 1 of 2 connected", b.Gateway.Report().Description);
        Assert.Contains("Could not give up the Discord Gateway shard leases", a.Logs.All);
    }

    [Fact]
    public async Task ReplicaStopsCleanly_OtherTakesItsShardsAtItsNextHeartbeat()
    {
        var start = _time.GetUtcNow();
        var (first, _) = await StartReplicaAsync();
        await using var a = first;
        await _fake.WaitForIdentifyAsync(1);
        var (b, _) = await StartReplicaAsync();
        await using var second = b;
        await b.Logs.WaitForAsync("Discord Gateway shards none of 2");

        await a.StopAsync();
        _time.Advance(Lease / 3);
        var zero = await _fake.WaitForIdentifyAsync(0, after: 2);
        var one = await _fake.WaitForIdentifyAsync(1, after: 2);

        Assert.Equal(start + (Lease / 3), zero.At);
        Assert.Equal(start + (Lease / 3), one.At);
    }

    [Fact]
    public async Task SecondReplicaJoins_ShardsSplitOneEach()
    {
        var (first, _) = await StartReplicaAsync();
        await using var a = first;
        await _fake.WaitForIdentifyAsync(1);
        var (b, _) = await StartReplicaAsync();
        await using var second = b;
        await b.Logs.WaitForAsync("Discord Gateway shards none of 2");

        // Both heartbeats are due; whichever runs first, B holds a shard after at most two of them.
        _time.Advance(Lease / 3);
        await a.Logs.WaitForAsync("Discord Gateway shards 0 of 2");
        if (!b.Logs.All.Contains("Discord Gateway shards 1 of 2", StringComparison.Ordinal))
        {
            await _time.WaitForTimerAsync(d => d == Lease / 3);
            _time.Advance(Lease / 3);
        }

        await b.Logs.WaitForAsync("Discord Gateway shards 1 of 2");
        var moved = await _fake.WaitForIdentifyAsync(1, after: 2);
        Assert.Equal([0], a.Gateway.Runners.Select(r => r.Shard!.Id));
        Assert.Equal([1], b.Gateway.Runners.Select(r => r.Shard!.Id));
        Assert.Equal(1, moved.ShardId);
    }

    [Fact]
    public async Task ReplicaLosesTheDatabase_KeepsItsShardsUntilTheLeaseRunsOutThenDisconnectsThem()
    {
        var (first, leases) = await StartReplicaAsync();
        await using var a = first;
        var zero = await _fake.WaitForIdentifyAsync(0);
        var one = await _fake.WaitForIdentifyAsync(1);
        await _time.WaitForTimerAsync(Lease / 3);

        leases.Kill();
        for (var beat = 1; beat <= 2; beat++)
        {
            _time.Advance(Lease / 3);
            await _time.WaitForTimerAsync(Lease / 3);
            Assert.False(zero.Session.Connection.Finished.IsCompleted);
            Assert.False(a.Gateway.Report().Healthy);
        }

        _time.Advance(Lease / 3);
        await Task.WhenAll(zero.Session.Connection.Finished, one.Session.Connection.Finished).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(a.Gateway.Runners);
        Assert.Contains("the shard leases could not be renewed", a.Gateway.Report().Description);
        Assert.Contains("the leases have run out, so this replica disconnects its shards", a.Logs.All);
    }

    /// <summary>A replica on the shared database, with leases that can be killed.</summary>
    private async Task<(ShardHost Host, KillableLeases Leases)> StartReplicaAsync()
    {
        var store = PostgresStore.Open(_database.ConnectionString);
        _stores.Add(store);
        var leases = new KillableLeases(store);
        var host = await ShardHost.StartAsync(_fake, _time, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString,
            ["Discord:Gateway:ShardCount"] = "2",
            ["Discord:Gateway:ShardLease"] = "00:00:30",
        }, services => services.AddSingleton(store).AddSingleton<IShardLeases>(leases));
        return (host, leases);
    }
}
