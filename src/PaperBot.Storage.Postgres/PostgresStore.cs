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
public sealed partial class PostgresStore : IPaperBotStore
{
    private readonly NpgsqlDataSource _source;

    private PostgresStore(NpgsqlDataSource source, string location, IReadOnlyList<string> upgrades)
    {
        _source = source;
        Location = location;
        Upgrades = upgrades;
    }

    /// <summary>The database as <c>user@host:port/database</c> (no password), for the log.</summary>
    public string Location { get; }

    /// <summary>The migrations opening the store applied (one sentence each, for the log); empty when it was current.</summary>
    public IReadOnlyList<string> Upgrades { get; }

    /// <summary>Connects, checks the rights and migrates the schema to the current version.</summary>
    /// <exception cref="PostgresStoreException">
    /// The server is unreachable, refuses the login, lacks the database or the rights, or holds a newer schema.
    /// </exception>
    public static PostgresStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var target = ConnectionTarget.Parse(connectionString);
        var where = ConnectionTarget.Describe(target);
        var source = NpgsqlDataSource.Create(target);
        try
        {
            var upgrades = SchemaMigrator.Run(source, where);
            return new PostgresStore(source, where, upgrades);
        }
        catch (Exception ex)
        {
            source.Dispose();
            throw OpenErrors.Explain(ex, target, where);
        }
    }

    public void Dispose() => _source.Dispose();

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
