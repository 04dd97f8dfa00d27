using Microsoft.Extensions.Logging;
using PaperBot.Core.Sharding;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// Spaces out identifies as Discord asks: shards with the same <c>shard_id % max_concurrency</c> share one identify per
/// 5 s, across every process of the bot (the reservations live in <see cref="IShardLeases"/>, so in the database when
/// replicas share one); and none while the day's session starts are used up.
/// </summary>
internal sealed class IdentifyGate(IShardLeases leases, GatewayDirectory directory, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private DateTimeOffset? _exhaustedUntil;
    private bool _limitChecked;

    /// <summary>Returns once <paramref name="shard"/> may identify.</summary>
    public async Task WaitTurnAsync(GatewayShard shard, CancellationToken cancellationToken)
    {
        var concurrency = 1;
        try
        {
            if (await directory.InfoAsync(cancellationToken).ConfigureAwait(false) is { SessionStartLimit: { } limit })
            {
                concurrency = Math.Max(1, limit.MaxConcurrency);
                lock (_lock)
                {
                    if (!_limitChecked && limit.Remaining <= 0)
                    {
                        _exhaustedUntil = time.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);
                    }

                    _limitChecked = true;
                }
            }
        }
        catch (HttpRequestException)
        {
            // Without Discord's answer, one identify per 5 s is the limit every bot has.
        }

        DateTimeOffset? exhaustedUntil;
        lock (_lock)
        {
            exhaustedUntil = _exhaustedUntil;
        }

        if (exhaustedUntil is { } until && until > time.GetUtcNow())
        {
            Log.SessionStartsExhausted(logger, shard.Id, (until - time.GetUtcNow()).TotalMinutes);
            await Task.Delay(until - time.GetUtcNow(), time, cancellationToken).ConfigureAwait(false);
        }

        var start = await leases.ReserveStartAsync(shard.Bucket(concurrency), Spacing, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var wait = start - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
