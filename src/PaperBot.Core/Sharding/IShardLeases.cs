namespace PaperBot.Core.Sharding;

/// <summary>
/// Shares the shards of a sharded platform connection (Discord's Gateway) among the replicas of one bot, so that each
/// shard is connected by one replica: a replica holds a shard by a lease it renews; when it dies the lease runs out and
/// another replica claims the shard. Also spaces out session starts that the platform limits per bucket.
/// Times are the callers' clocks, so replicas' clocks must agree to well within the lease (NTP does).
/// </summary>
public interface IShardLeases
{
    /// <summary>
    /// One heartbeat of <paramref name="owner"/>: marks it live until <paramref name="now"/> + <paramref name="lease"/>,
    /// renews the leases it holds, gives up those beyond its fair share (the shards divided by the live owners), and
    /// claims free or expired shards up to that share. Returns every lease of the <paramref name="shardCount"/> shards
    /// after the heartbeat, the caller's and the others'.
    /// </summary>
    Task<IReadOnlyList<ShardLease>> HeartbeatAsync(string owner, int shardCount, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives up every lease of <paramref name="owner"/> and its membership (a clean stop), so others claim the shards at once.</summary>
    Task ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves the next session start of <paramref name="bucket"/>: returns when the caller may start (<paramref name="now"/>
    /// or later); the next reservation of the same bucket gets a time at least <paramref name="spacing"/> after it.
    /// </summary>
    Task<DateTimeOffset> ReserveStartAsync(int bucket, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken);
}
