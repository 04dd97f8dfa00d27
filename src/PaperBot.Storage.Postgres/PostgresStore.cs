using Npgsql;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres.Schema;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// PaperBot's state in a PostgreSQL database: the same ports and guarantees as the LiteDB store (every write is
/// committed, so durable, before the call returns; one outbox record per id; the same orders), but shareable by several
/// replicas. Every call takes a pooled connection and runs one statement or one transaction; the per-port members live
/// in the <c>PostgresStore.*.cs</c> partial files.
/// </summary>
public sealed partial class PostgresStore : IPaperBotStore, IOpenedStore
{
    // Held, with its lock, for as long as the store is open (shared by bot replicas, alone by a migration); the server
    // drops the lock when the process dies.
    private const long ProcessLockKey = 0x5061_7065_7250_726F;
    private readonly NpgsqlDataSource _source;
    private NpgsqlConnection? _processLock;
    private bool _sharedLock;

    private PostgresStore(NpgsqlDataSource source, string location, IReadOnlyList<string> upgrades)
    {
        _source = source;
        Location = location;
        Upgrades = upgrades;
    }

    /// <summary>The database as <c>user@host:port/database</c> (no password), for the log.</summary>
    public string Location { get; }

    public string Description => $"PostgreSQL {Location}";

    /// <summary>The migrations opening the store applied (one sentence each, for the log); empty when it was current.</summary>
    public IReadOnlyList<string> Upgrades { get; }

    /// <summary>Connects, checks the rights and migrates the schema to the current version.</summary>
    /// <param name="connectionString">The database, in Npgsql's format.</param>
    /// <param name="exclusive">
    /// Hold PaperBot's lock on the database alone until disposed (<c>storage migrate</c>): fails while any bot replica runs on
    /// it, and bots cannot start while it is held.
    /// </param>
    /// <param name="replica">
    /// Open as one bot replica among several: hold PaperBot's lock shared (replicas coexist; a migration is kept out), and
    /// coordinate through the database (<see cref="Core.Replicas.IReplicaCoordinator"/>, leased deliveries).
    /// </param>
    /// <exception cref="PostgresStoreException">
    /// The server is unreachable, refuses the login, lacks the database or the rights, holds a newer schema, or the lock
    /// cannot be had (a bot runs while migrating, or a migration runs while a bot starts).
    /// </exception>
    public static PostgresStore Open(string connectionString, bool exclusive = false, PostgresReplica? replica = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var target = ConnectionTarget.Parse(connectionString);
        var where = ConnectionTarget.Describe(target);
        var source = NpgsqlDataSource.Create(target);
        try
        {
            var upgrades = SchemaMigrator.Run(source, where);
            var store = new PostgresStore(source, where, upgrades);
            if (exclusive || replica is not null)
            {
                store._sharedLock = !exclusive;
                store._processLock = TakeProcessLock(source, where, store._sharedLock);
            }

            if (replica is not null)
            {
                store._replica = replica;
                using var connection = source.OpenConnection();
                store._papersSeen = CurrentPaperVersion(connection);
            }

            return store;
        }
        catch (Exception ex)
        {
            source.Dispose();
            throw OpenErrors.Explain(ex, target, where);
        }
    }

    public void Dispose()
    {
        lock (_source)
        {
            _processLock?.Dispose();
            _processLock = null;
        }

        _source.Dispose();
    }

    /// <summary>
    /// For a store holding PaperBot's lock: checks that the connection holding it is alive, and when it was lost (the server
    /// restarted, the network dropped) takes the lock again. False when another process took it meanwhile (a migration, for
    /// a replica; a bot, for a migration).
    /// </summary>
    /// <exception cref="NpgsqlException">The server cannot be reached now (try again later).</exception>
    internal bool CheckProcessLock()
    {
        lock (_source)
        {
            if (_processLock is null)
            {
                return true;
            }

            try
            {
                using var probe = new NpgsqlCommand("SELECT 1", _processLock);
                probe.ExecuteScalar();
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                _processLock.Dispose();
            }

            try
            {
                _processLock = TakeProcessLock(_source, Location, _sharedLock);
                return true;
            }
            catch (PostgresStoreException)
            {
                _processLock = null;
                return false;
            }
        }
    }

    private static NpgsqlConnection TakeProcessLock(NpgsqlDataSource source, string where, bool shared)
    {
        var connection = source.OpenConnection();
        using var command = new NpgsqlCommand(shared ? "SELECT pg_try_advisory_lock_shared($1)" : "SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ProcessLockKey });
        if (command.ExecuteScalar() is true)
        {
            return connection;
        }

        connection.Dispose();
        throw new PostgresStoreException(where, shared
            ? "a `paperbot storage migrate` is copying into this database (it holds PaperBot's lock on it alone). Start PaperBot "
                + "once the migration has finished."
            : "another PaperBot process is already using this database (a bot replica, or another storage migrate, holds "
                + "PaperBot's lock on it). Stop every PaperBot process using it first, or use a different database.");
    }

    private T Read<T>(Func<NpgsqlConnection, T> read)
    {
        using var connection = _source.OpenConnection();
        return read(connection);
    }

    /// <summary>Runs <paramref name="write"/> in one transaction; committed (so durable) when this returns.</summary>
    private T Write<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> write)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = write(connection, transaction);
        transaction.Commit();
        return result;
    }

    private void Write(Action<NpgsqlConnection, NpgsqlTransaction> write) => Write((c, t) =>
    {
        write(c, t);
        return true;
    });

    private async ValueTask WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> write)
    {
        await using var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await write(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    // A lone array argument must be wrapped ([ids]): C# would otherwise take a string[] as the params array itself.
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    private static List<T> Query<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Func<NpgsqlDataReader, T> map, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private List<T> Query<T>(Func<NpgsqlDataReader, T> map, string sql, params object?[] values) =>
        Read(c => Query(c, null, map, sql, values));

    private T? Single<T>(Func<NpgsqlDataReader, T> map, string sql, params object?[] values) where T : class =>
        Query(map, sql, values).FirstOrDefault();

    private static long Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
