using PaperBot.Core.Sharding;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// A replica's view of the shard leases that can die: after <see cref="Kill"/> every call fails as if the process were
/// gone, so the replica neither renews nor gives up its leases (a SIGKILL, as far as the database can tell).
/// </summary>
internal sealed class KillableLeases(IShardLeases inner) : IShardLeases
{
    private volatile bool _dead;

    public void Kill() => _dead = true;

    public Task<IReadOnlyList<ShardLease>> HeartbeatAsync(string owner, int shardCount, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        Alive().HeartbeatAsync(owner, shardCount, lease, now, cancellationToken);

    public Task ReleaseAsync(string owner, CancellationToken cancellationToken) => Alive().ReleaseAsync(owner, cancellationToken);

    public Task<DateTimeOffset> ReserveStartAsync(int bucket, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken) =>
        Alive().ReserveStartAsync(bucket, spacing, now, cancellationToken);

    private IShardLeases Alive() => _dead ? throw new IOException("the replica died (test)") : inner;
}
