using PaperBot.Core.Sharding;

namespace PaperBot.Storage.Tests.Sharding;

/// <summary>
/// The shard lease contract, on the in-process leases and on PostgreSQL: <see cref="First"/> and <see cref="Second"/> are
/// two replicas' views of the same leases (two store instances on one database, or the one in-process instance).
/// </summary>
public abstract class ShardLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    protected abstract IShardLeases First { get; }

    protected abstract IShardLeases Second { get; }

    public abstract void Dispose();

    [Fact]
    public async Task Heartbeat_OnlyOwner_HoldsEveryShard()
    {
        var leases = await First.HeartbeatAsync("a", 4, Lease, T0, default);

        Assert.Equal([0, 1, 2, 3], leases.Select(l => l.ShardId));
        Assert.All(leases, l => Assert.Equal(("a", T0 + Lease), (l.Owner, l.Until)));
    }

    [Fact]
    public async Task Heartbeat_SecondOwnerJoins_ShardsSplitAfterTheFirstOwnersNextBeat()
    {
        await First.HeartbeatAsync("a", 4, Lease, T0, default);

        var joined = await Second.HeartbeatAsync("b", 4, Lease, T0.AddSeconds(1), default);
        var rebalanced = await First.HeartbeatAsync("a", 4, Lease, T0.AddSeconds(10), default);
        var claimed = await Second.HeartbeatAsync("b", 4, Lease, T0.AddSeconds(11), default);

        Assert.All(joined, l => Assert.Equal("a", l.Owner));
        Assert.Equal([0, 1], rebalanced.Select(l => l.ShardId));
        Assert.Equal(["a", "a", "b", "b"], claimed.Select(l => l.Owner));
        Assert.Equal([0, 1, 2, 3], claimed.Select(l => l.ShardId));
    }

    [Fact]
    public async Task Heartbeat_OwnerStopsBeating_OtherTakesItsShardsWhenTheLeaseRunsOutNotBefore()
    {
        await First.HeartbeatAsync("a", 2, Lease, T0, default);
        await Second.HeartbeatAsync("b", 2, Lease, T0, default);
        await First.HeartbeatAsync("a", 2, Lease, T0.AddSeconds(10), default);
        await Second.HeartbeatAsync("b", 2, Lease, T0.AddSeconds(10), default);

        var before = await Second.HeartbeatAsync("b", 2, Lease, T0.AddSeconds(39), default);
        var after = await Second.HeartbeatAsync("b", 2, Lease, T0.AddSeconds(40), default);

        Assert.Equal(["a", "b"], before.Select(l => l.Owner));
        Assert.Equal(["b", "b"], after.Select(l => l.Owner));
        Assert.All(after, l => Assert.Equal(T0.AddSeconds(70), l.Until));
    }

    [Fact]
    public async Task Release_CleanStop_OtherClaimsAtOnce()
    {
        await First.HeartbeatAsync("a", 3, Lease, T0, default);
        await Second.HeartbeatAsync("b", 3, Lease, T0, default);

        await First.ReleaseAsync("a", default);
        var after = await Second.HeartbeatAsync("b", 3, Lease, T0.AddSeconds(1), default);

        Assert.Equal(["b", "b", "b"], after.Select(l => l.Owner));
    }

    [Fact]
    public async Task Heartbeat_OtherShardCount_KeptApartAndDroppedWhenRunOut()
    {
        await First.HeartbeatAsync("a", 2, Lease, T0, default);

        var whileBothLive = await Second.HeartbeatAsync("b", 3, Lease, T0.AddSeconds(1), default);
        var alone = await Second.HeartbeatAsync("b", 3, Lease, T0.AddSeconds(31), default);
        var old = await Second.HeartbeatAsync("b", 2, Lease, T0.AddSeconds(32), default);

        Assert.Equal([0, 1], whileBothLive.Select(l => l.ShardId));
        Assert.Equal(["b", "b", "b"], alone.Select(l => l.Owner));
        Assert.Equal(["b", "b"], old.Select(l => l.Owner));
    }

    [Fact]
    public async Task Heartbeat_FourOwnersAtOnce_NoShardHeldTwiceAndSharesEvenOut()
    {
        var owners = Enumerable.Range(0, 4).Select(i => $"owner-{i}").ToList();
        IShardLeases Replica(int i) => i % 2 == 0 ? First : Second;

        var beats = await Task.WhenAll(owners.Select((owner, i) => Task.Run(() => Replica(i).HeartbeatAsync(owner, 8, Lease, T0, default))));
        IReadOnlyList<ShardLease> last = [];
        for (var round = 1; round <= 2; round++)
        {
            for (var i = 0; i < owners.Count; i++)
            {
                last = await Replica(i).HeartbeatAsync(owners[i], 8, Lease, T0.AddSeconds(round), default);
            }
        }

        var claimed = beats.SelectMany((leases, i) => leases.Where(l => l.Owner == owners[i]).Select(l => l.ShardId)).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 8), last.Select(l => l.ShardId));
        Assert.All(last.GroupBy(l => l.Owner), g => Assert.Equal(2, g.Count()));
        Assert.Equal(4, last.Select(l => l.Owner).Distinct().Count());
    }

    [Fact]
    public async Task ReserveStart_SameBucket_SpacedApart_OtherBucketFree()
    {
        var spacing = TimeSpan.FromSeconds(5);

        var first = await First.ReserveStartAsync(0, spacing, T0, default);
        var second = await Second.ReserveStartAsync(0, spacing, T0, default);
        var otherBucket = await Second.ReserveStartAsync(1, spacing, T0, default);
        var later = await First.ReserveStartAsync(0, spacing, T0.AddMinutes(1), default);

        Assert.Equal(T0, first);
        Assert.Equal(T0 + spacing, second);
        Assert.Equal(T0, otherBucket);
        Assert.Equal(T0.AddMinutes(1), later);
    }

    [Fact]
    public async Task ReserveStart_TenAtOnce_EachGetsItsOwnTurn()
    {
        var spacing = TimeSpan.FromSeconds(5);

        var starts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => (i % 2 == 0 ? First : Second).ReserveStartAsync(3, spacing, T0, default))));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => T0 + (spacing * i)), starts.Order());
    }
}
