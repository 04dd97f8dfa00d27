using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Gateway;

/// <summary>
/// Several shards in one process (<c>ShardCount</c> set, <c>ShardId</c> absent, LiteDB: this process holds them all):
/// each identifies as its shard, in identify turns of <c>max_concurrency</c> per 5 s, and keeps its own session.
/// </summary>
public sealed class ShardedGatewayTests : IAsyncLifetime
{
    private const string PostId = "1400000000000000001";
    private readonly SignalingTimeProvider _time = new();
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync(_time);
        _fake.AutoGateway = true;
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Identify_FourShardsMaxConcurrencyOne_OneEveryFiveSeconds()
    {
        await using var host = await StartAsync(shards: 4);

        await _fake.WaitForStartAsync(s => s.Number == 1, "the first identify");
        foreach (var due in new[] { 5, 10, 15 })
        {
            await _time.WaitForTimerAsync(TimeSpan.FromSeconds(due));
        }

        Assert.Single(_fake.Starts);
        for (var turn = 2; turn <= 4; turn++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await _fake.WaitForStartAsync(s => s.Number == turn, $"identify {turn}");
            Assert.Equal(turn, _fake.Starts.Count);
        }

        var starts = _fake.Starts;
        Assert.Equal([0, 1, 2, 3], starts.Select(s => s.ShardId!.Value).Order());
        Assert.All(starts, s => Assert.Equal(4, s.ShardCount));
        Assert.Equal([5.0, 5.0, 5.0], starts.Zip(starts.Skip(1), (a, b) => (b.At - a.At).TotalSeconds));
    }

    [Fact]
    public async Task Identify_MaxConcurrencyTwo_OneShardPerBucketPerFiveSeconds()
    {
        _fake.MaxConcurrency = 2;
        await using var host = await StartAsync(shards: 4);

        await _fake.WaitForStartAsync(s => s.Number == 2, "the first two identifies");
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        var first = _fake.Starts;
        _time.Advance(TimeSpan.FromSeconds(5));
        await _fake.WaitForStartAsync(s => s.Number == 4, "the last two identifies");

        Assert.Equal(2, first.Count);
        Assert.Equal([0, 1], first.Select(s => s.ShardId!.Value % 2).Order());
        var last = _fake.Starts.Skip(2).ToList();
        Assert.Equal([0, 1], last.Select(s => s.ShardId!.Value % 2).Order());
        Assert.All(last, s => Assert.Equal(TimeSpan.FromSeconds(5), s.At - first[0].At));
    }

    [Fact]
    public async Task ConnectionDropped_OneShard_ResumesThatShardsSessionAndItsReactionsSave()
    {
        _fake.MaxConcurrency = 2;
        await using var host = await StartAsync(shards: 2);
        var paper = TestPapers.Make("2511.01234", "World models");
        host.SeedPost(paper, InteractionJson.ChannelId, PostId, _time.GetUtcNow());
        var zero = await _fake.WaitForIdentifyAsync(0);
        var one = await _fake.WaitForIdentifyAsync(1);
        await zero.Session.BarrierAsync();
        await one.Session.BarrierAsync();

        one.Session.Connection.Drop();
        var resumed = await _fake.WaitForStartAsync(s => s.Kind == GatewayStartKind.Resume, "a resume");
        await resumed.Session.DispatchAsync("MESSAGE_REACTION_ADD", GatewayJson.Reaction(InteractionJson.UserId, PostId, "🔖"));
        await resumed.Session.BarrierAsync();

        Assert.Equal(1, resumed.ShardId);
        Assert.Equal(one.SessionId, resumed.SessionId);
        Assert.Equal("/resume", resumed.Session.Connection.Path);
        Assert.False(zero.Session.Connection.Finished.IsCompleted);
        Assert.Equal(2, _fake.Starts.Count(s => s.Kind == GatewayStartKind.Identify));
        Assert.Equal(paper.ArxivId, Assert.Single(host.Saved(InteractionJson.UserId)).ArxivId);
        var health = host.Gateway.Report();
        Assert.True(health.Healthy);
        Assert.Contains("shard 0 of 2 connected; shard 1 of 2 connected", health.Description);
    }

    [Fact]
    public async Task Start_FewerShardsThanDiscordRecommends_WarnsNamingTheKey()
    {
        _fake.RecommendedShards = 3;
        await using var host = await StartAsync(shards: 2);

        await host.Logs.WaitForAsync("Discord recommends 3 Gateway shards but Discord:Gateway:ShardCount is 2");
    }

    [Fact]
    public async Task Identify_DaysSessionStartsUsedUp_WaitsForTheResetThenIdentifies()
    {
        _fake.SessionStartsRemaining = 0;
        var start = _time.GetUtcNow();
        await using var host = await StartAsync(shards: 1);

        var reset = await _time.WaitForTimerAsync(TimeSpan.FromMilliseconds(14_400_000));
        await host.Logs.WaitForAsync("Discord's session starts for today are used up");
        Assert.Empty(_fake.Starts);
        Assert.Contains("shard 0 of 1 waiting for its identify turn", host.Gateway.Report().Description);
        _time.Advance(reset);
        var identify = await _fake.WaitForIdentifyAsync(0);

        Assert.Equal(TimeSpan.FromHours(4), identify.At - start);
    }

    private Task<ShardHost> StartAsync(int shards) => ShardHost.StartAsync(_fake, _time, new Dictionary<string, string?>
    {
        ["Discord:Gateway:ShardCount"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Long, so that the lease heartbeat's wait (a third of it) is not mistaken for an identify turn.
        ["Discord:Gateway:ShardLease"] = "00:03:00",
    });
}
