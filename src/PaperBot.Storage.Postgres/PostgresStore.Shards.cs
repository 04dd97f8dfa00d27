using Npgsql;
using PaperBot.Core.Sharding;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Shard leases shared by every replica on the database. A heartbeat is one transaction under an advisory lock, so two
/// replicas never decide their shares from the same snapshot; the decision itself is Core's <see cref="ShardShare"/>.
/// </summary>
public sealed partial class PostgresStore : IShardLeases
{
    // An arbitrary constant that names "PaperBot's shard leases" among the database's advisory locks.
    private const long ShardLockKey = 0x5061_7065_7253_6864;

    public async Task<IReadOnlyList<ShardLease>> HeartbeatAsync(string owner, int shardCount, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var until = (now + lease).UtcTicks;
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, cancellationToken, "SELECT pg_advisory_xact_lock($1)", ShardLockKey).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, cancellationToken,
            "INSERT INTO shard_members (owner, until_ticks) VALUES ($1, $2) ON CONFLICT (owner) DO UPDATE SET until_ticks = EXCLUDED.until_ticks",
            owner, until).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, cancellationToken, "DELETE FROM shard_members WHERE until_ticks <= $1", now.UtcTicks).ConfigureAwait(false);
        // Leases left over from an earlier shard count are dropped once they run out.
        await ExecuteAsync(connection, transaction, cancellationToken,
            "DELETE FROM shard_leases WHERE shard_count <> $1 AND until_ticks <= $2", shardCount, now.UtcTicks).ConfigureAwait(false);

        using var count = Command(connection, transaction, "SELECT count(*) FROM shard_members");
        var live = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var current = await LeasesAsync(connection, transaction, shardCount, cancellationToken).ConfigureAwait(false);
        var share = ShardShare.Decide(owner, shardCount, live, current, now);
        if (share.Released.Count > 0)
        {
            await ExecuteAsync(connection, transaction, cancellationToken,
                "DELETE FROM shard_leases WHERE shard_count = $1 AND owner = $2 AND shard_id = ANY($3)", shardCount, owner, share.Released.ToArray()).ConfigureAwait(false);
        }

        if (share.Held.Count > 0)
        {
            await ExecuteAsync(connection, transaction, cancellationToken, """
                INSERT INTO shard_leases (shard_count, shard_id, owner, until_ticks) SELECT $1, unnest($2::integer[]), $3, $4
                ON CONFLICT (shard_count, shard_id) DO UPDATE SET owner = EXCLUDED.owner, until_ticks = EXCLUDED.until_ticks
                """, shardCount, share.Held.ToArray(), owner, until).ConfigureAwait(false);
        }

        var after = await LeasesAsync(connection, transaction, shardCount, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return after;
    }

    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, cancellationToken, "DELETE FROM shard_leases WHERE owner = $1", owner).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, cancellationToken, "DELETE FROM shard_members WHERE owner = $1", owner).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset> ReserveStartAsync(int bucket, TimeSpan spacing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement on the bucket's row: concurrent reservations queue up one spacing apart.
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, """
            INSERT INTO shard_starts (bucket, next_ticks) VALUES ($1, $2 + $3)
            ON CONFLICT (bucket) DO UPDATE SET next_ticks = GREATEST(shard_starts.next_ticks, $2) + $3
            RETURNING next_ticks - $3
            """, bucket, now.UtcTicks, spacing.Ticks);
        var start = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(start, TimeSpan.Zero);
    }

    private static async Task<List<ShardLease>> LeasesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int shardCount, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction,
            "SELECT shard_id, owner, until_ticks FROM shard_leases WHERE shard_count = $1 ORDER BY shard_id", shardCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<ShardLease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new ShardLease(reader.GetInt32(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
        }

        return leases;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
