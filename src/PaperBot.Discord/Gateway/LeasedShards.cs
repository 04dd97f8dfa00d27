using Microsoft.Extensions.Logging;
using PaperBot.Core.Sharding;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// Runs the shards this replica holds leases on: a heartbeat every third of the lease renews them and claims this
/// replica's share (waking early when another replica's lease runs out, so a dead replica's shards move on within the
/// lease); a shard that is no longer this replica's is disconnected. When the leases cannot be renewed for a whole lease,
/// every shard is disconnected, since another replica may hold them by then. A clean stop gives the leases up.
/// </summary>
internal sealed class LeasedShards(
    IShardLeases leases, string owner, int shardCount, TimeSpan lease, Func<GatewayShard, ShardRunner> createRunner, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (ShardRunner Runner, CancellationTokenSource Stop, Task Run)> _running = [];
    private DateTimeOffset? _renewed;
    private bool _announced;

    public string Owner => owner;

    /// <summary>Every shard's lease as of the last heartbeat (this replica's and the others').</summary>
    public IReadOnlyList<ShardLease> Leases { get; private set; } = [];

    /// <summary>Why the last heartbeat failed, or null after a good one.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<ShardRunner> Runners
    {
        get
        {
            lock (_gate)
            {
                return [.. _running.Values.Select(r => r.Runner).OrderBy(r => r.Shard!.Id)];
            }
        }
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                await HeartbeatAsync(now, stopping).ConfigureAwait(false);
                await Task.Delay(NextBeat(now), time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await HoldAsync([]).ConfigureAwait(false);
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task HeartbeatAsync(DateTimeOffset now, CancellationToken stopping)
    {
        try
        {
            Leases = await leases.HeartbeatAsync(owner, shardCount, lease, now, stopping).ConfigureAwait(false);
            _renewed = now;
            Problem = null;
            await HoldAsync([.. Leases.Where(l => l.Owner == owner).Select(l => l.ShardId)]).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            Problem = ex.Message;
            var lost = _renewed is null || now >= _renewed + lease;
            Log.ShardLeaseFailed(logger, ex.Message, lost
                ? "the leases have run out, so this replica disconnects its shards until it can claim them again"
                : "keeping the shards until the leases run out, trying again");
            if (lost)
            {
                await HoldAsync([]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A third of the lease, or sooner when another replica's lease runs out before that (it may have died).</summary>
    private TimeSpan NextBeat(DateTimeOffset now)
    {
        var next = now + (lease / 3);
        foreach (var other in Leases.Where(l => l.Owner != owner && l.Until > now && l.Until < next))
        {
            next = other.Until;
        }

        return next - now;
    }

    /// <summary>Starts the runners of <paramref name="shards"/> not running yet, stops those not in it.</summary>
    private async Task HoldAsync(IReadOnlyCollection<int> shards)
    {
        List<(ShardRunner Runner, CancellationTokenSource Stop, Task Run)> stopping;
        List<int> started = [];
        lock (_gate)
        {
            stopping = [.. _running.Where(r => !shards.Contains(r.Key)).Select(r => r.Value)];
            foreach (var id in _running.Keys.Where(id => !shards.Contains(id)).ToList())
            {
                _running.Remove(id);
            }

            foreach (var id in shards.Where(id => !_running.ContainsKey(id)))
            {
                var runner = createRunner(new GatewayShard(id, shardCount));
                var stop = new CancellationTokenSource();
                _running[id] = (runner, stop, Task.Run(() => runner.RunAsync(stop.Token), CancellationToken.None));
                started.Add(id);
            }
        }

        // Said once at the first heartbeat (even "none": the other replicas hold them) and at every change.
        if (started.Count > 0 || stopping.Count > 0 || !_announced)
        {
            _announced = true;
            Log.ShardsAssigned(logger, shards.Count == 0 ? "none" : string.Join(", ", shards.Order()), shardCount, owner,
                started.Count == 0 ? "none" : string.Join(", ", started), stopping.Count == 0 ? "none" : string.Join(", ", stopping.Select(s => s.Runner.Shard!.Id)));
        }

        foreach (var (_, stop, run) in stopping)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            stop.Dispose();
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(owner, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ShardReleaseFailed(logger, ex.Message);
        }
    }
}
