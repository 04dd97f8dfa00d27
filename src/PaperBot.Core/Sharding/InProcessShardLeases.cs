namespace PaperBot.Core.Sharding;

/// <summary>
/// Shard leases in memory, for a store that one process owns (LiteDB): that process is the only live owner, so it holds
/// every shard. Several owners in one process (tests) share the shards as replicas on a database would.
/// </summary>
public sealed class InProcessShardLeases : IShardLeases
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _members = [];
    private readonly Dictionary<(int Count, int Shard), ShardLease> _leases = [];
    private readonly Dictionary<int, DateTimeOffset> _nextStart = [];

    public Task<IReadOnlyList<ShardLease>> HeartbeatAsync(string owner, int shardCount, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_gate)
        {
            _members[owner] = now + lease;
            foreach (var gone in _members.Where(m => m.Value <= now).Select(m => m.Key).ToList())
            {
                _members.Remove(gone);
            }

            var current = _leases.Where(l => l.Key.Count == shardCount).Select(l => l.Value).ToList();
            var share = ShardShare.Decide(owner, shardCount, _members.Count, current, now);
            foreach (var shard in share.Released)
            {
                _leases.Remove((shardCount, shard));
            }

            foreach (var shard in share.Held)
            {
                _leases[(shardCount, shard)] = new ShardLease(shard, owner, now + lease);
            }

            IReadOnlyList<ShardLease> all = [.. _leases.Where(l => l.Key.Count == shardCount).Select(l => l.Value).OrderBy(l => l.ShardId)];
            return Task.FromResult(all);
        }
    }

    public Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _members.Remove(owner);
            foreach (var key in _leases.Where(l => l.Value.Owner == owner).Select(l => l.Key).ToList())
            {
                _leases.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset> ReserveStartAsync(int bucket, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var start = _nextStart.TryGetValue(bucket, out var next) && next > now ? next : now;
            _nextStart[bucket] = start + spacing;
            return Task.FromResult(start);
        }
    }
}
