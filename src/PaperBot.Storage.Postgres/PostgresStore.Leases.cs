using Npgsql;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Delivery leases among replicas: each channel with something owed is held by one replica at a time (a row in
/// <c>channel_leases</c>), which sends its deliveries in order. A replica claims a fair share of the unheld channels
/// (<c>FOR UPDATE SKIP LOCKED</c>, so two never claim the same), renews what it holds at every beat, marks a delivery
/// in flight only while it still holds the channel, and lets a channel go once nothing is owed there. A dead replica's
/// leases expire; whoever claims the channel next reconciles its in-flight deliveries before any resend.
/// </summary>
public sealed partial class PostgresStore
{
    private const string Owed = "state IN ('Pending', 'InFlight')";

    // Ordered, so two replicas adding the same rows wait for each other in one order (no deadlock).
    private const string LeaseRowsSql = "INSERT INTO channel_leases (channel_key, holder, until) SELECT DISTINCT channel_key, '', '-infinity'::timestamptz "
        + "FROM deliveries WHERE " + Owed + " ORDER BY 1 ON CONFLICT (channel_key) DO NOTHING";

    private const string OwedChannelsSql = """
        SELECT count(DISTINCT d.channel_key) FROM deliveries d
        WHERE d.state IN ('Pending', 'InFlight')
          AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.channel_key = d.channel_key AND c.paused_reason IS NOT NULL)
        """;

    private const string ClaimSql = """
        WITH free AS (
            SELECT l.channel_key FROM channel_leases l
            WHERE l.until < clock_timestamp()
              AND EXISTS (SELECT 1 FROM deliveries d WHERE d.channel_key = l.channel_key AND d.state IN ('Pending', 'InFlight'))
              AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.channel_key = l.channel_key AND c.paused_reason IS NOT NULL)
            ORDER BY l.channel_key LIMIT $3 FOR UPDATE OF l SKIP LOCKED)
        UPDATE channel_leases l SET holder = $1, until = clock_timestamp() + $2 FROM free WHERE l.channel_key = free.channel_key
        """;

    private const string HeldSql = "SELECT channel_key FROM channel_leases WHERE holder = $1 AND until > clock_timestamp()";

    // Owed in a channel nobody holds (never claimed, or its holder died): some replica should run a round.
    private const string WaitingSql = """
        SELECT EXISTS (SELECT 1 FROM deliveries d
            WHERE d.state IN ('Pending', 'InFlight')
              AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.channel_key = d.channel_key AND c.paused_reason IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM channel_leases l WHERE l.channel_key = d.channel_key AND (l.holder = $1 OR l.until > clock_timestamp())))
        """;

    private const string MarkInFlightLeasedSql = """
        WITH held AS (
            UPDATE channel_leases l SET until = clock_timestamp() + $3 FROM deliveries d
            WHERE d.id = $1 AND l.channel_key = d.channel_key AND l.holder = $2 AND l.until > clock_timestamp()
            RETURNING l.channel_key)
        UPDATE deliveries SET state = 'InFlight' WHERE id = $1 AND channel_key IN (SELECT channel_key FROM held)
        """;

    public IReadOnlyList<Delivery> ClaimPending()
    {
        if (_replica is not { } replica)
        {
            return Pending();
        }

        var me = replica.Identity.Id;
        return Write((c, t) =>
        {
            Execute(c, t, LeaseRowsSql);
            var live = Math.Max(1, LiveReplicas(c, t, replica.LeaseDuration));
            var owed = Scalar(c, t, OwedChannelsSql);
            var held = Scalar(c, t, "SELECT count(*) FROM (" + HeldSql + ") h", me);
            var share = (owed + live - 1) / live;
            if (share > held)
            {
                Execute(c, t, ClaimSql, me, replica.LeaseDuration, (int)(share - held));
            }

            return Query(c, t, DeliveryRows.Read, DeliveryRows.Select + " WHERE " + Owed + " AND channel_key IN (" + HeldSql + ") ORDER BY created_ticks, id", me);
        });
    }

    private async ValueTask MarkInFlightLeasedAsync(PostgresReplica replica, string deliveryId)
    {
        int updated;
        await using (var connection = await _source.OpenConnectionAsync().ConfigureAwait(false))
        await using (var command = Command(connection, null, MarkInFlightLeasedSql, deliveryId, replica.Identity.Id, replica.LeaseDuration))
        {
            updated = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (updated == 0)
        {
            throw FindDelivery(deliveryId) is { } delivery ? new DeliveryClaimLostException(deliveryId, delivery.Channel.Key) : NoDelivery(deliveryId);
        }
    }

    /// <summary>At a beat: extends what this replica holds, and lets go of channels where nothing is owed any more.</summary>
    private static void RenewChannelLeases(NpgsqlConnection connection, NpgsqlTransaction transaction, string me, TimeSpan lease)
    {
        Execute(connection, transaction, "DELETE FROM channel_leases l WHERE l.holder = $1 AND NOT EXISTS "
            + "(SELECT 1 FROM deliveries d WHERE d.channel_key = l.channel_key AND d." + Owed + ")", me);
        Execute(connection, transaction, "UPDATE channel_leases SET until = clock_timestamp() + $2 WHERE holder = $1 AND until > clock_timestamp()", me, lease);
    }

    private static bool OutboxWaiting(NpgsqlConnection connection, NpgsqlTransaction transaction, string me) =>
        Scalar(connection, transaction, WaitingSql, me) == 1;
}
