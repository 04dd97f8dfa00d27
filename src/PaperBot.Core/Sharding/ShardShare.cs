namespace PaperBot.Core.Sharding;

/// <summary>
/// What one heartbeat changes, decided the same way by every <see cref="IShardLeases"/> implementation: an owner keeps
/// its own leases up to its fair share (the shard count divided by the live owners, rounded up), gives up the rest
/// (its highest shards, so a newcomer gets some), and claims the lowest free or expired shards up to that share.
/// </summary>
public sealed record ShardShare(IReadOnlyList<int> Held, IReadOnlyList<int> Released)
{
    public static ShardShare Decide(string owner, int shardCount, int liveOwners, IEnumerable<ShardLease> leases, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var fair = (shardCount + Math.Max(1, liveOwners) - 1) / Math.Max(1, liveOwners);
        var byShard = leases.Where(l => l.ShardId >= 0 && l.ShardId < shardCount).ToDictionary(l => l.ShardId);
        var mine = byShard.Values.Where(l => l.Owner == owner).Select(l => l.ShardId).Order().ToList();
        var kept = mine.Take(fair).ToList();
        var released = mine.Skip(fair).ToList();
        var free = Enumerable.Range(0, shardCount)
            .Where(id => !byShard.TryGetValue(id, out var other) || (other.Owner != owner && other.Until <= now));
        var held = kept.Concat(free.Take(fair - kept.Count)).Order().ToList();
        return new ShardShare(held, released);
    }
}
