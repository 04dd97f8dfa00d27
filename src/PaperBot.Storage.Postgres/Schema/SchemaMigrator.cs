using Npgsql;

namespace PaperBot.Storage.Postgres.Schema;

/// <summary>
/// Brings a database to <see cref="Migrations.CurrentVersion"/> on start. Each migration runs in one transaction with its
/// <c>schema_version</c> row, under an advisory lock, so replicas starting together apply it once and a failed one
/// leaves nothing behind.
/// </summary>
internal static class SchemaMigrator
{
    // An arbitrary constant that names "PaperBot's schema" among the database's advisory locks.
    private const long LockKey = 0x5061_7065_7242_6F74;

    /// <summary>Applies what is missing; returns one sentence per migration applied, for the log.</summary>
    /// <exception cref="PostgresStoreException">The database was written by a newer PaperBot.</exception>
    public static IReadOnlyList<string> Run(NpgsqlDataSource source, string where)
    {
        var applied = new List<string>();
        using var connection = source.OpenConnection();
        foreach (var migration in Migrations.All)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, "SELECT pg_advisory_xact_lock($1)", LockKey);
            // Created only when absent: CREATE ... IF NOT EXISTS would still need the CREATE right, which a user limited to
            // reading and writing the tables of a database its owner migrated does not have.
            if (!SchemaVersionExists(connection, transaction))
            {
                Execute(connection, transaction, """
                    CREATE TABLE schema_version (
                        version integer PRIMARY KEY,
                        description text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now())
                    """);
            }

            var current = CurrentVersion(connection, transaction);
            if (current > Migrations.CurrentVersion)
            {
                throw new PostgresStoreException(where,
                    $"it was written by a newer PaperBot (schema version {current}; this one knows up to {Migrations.CurrentVersion}), "
                    + "so upgrade PaperBot to use it.");
            }

            if (current >= migration.Version)
            {
                transaction.Commit();
                continue;
            }

            Execute(connection, transaction, migration.Sql);
            Execute(connection, transaction, "INSERT INTO schema_version (version, description) VALUES ($1, $2)", migration.Version, migration.Description);
            transaction.Commit();
            applied.Add($"Migrated the PostgreSQL schema to version {migration.Version}: {migration.Description}");
        }

        return applied;
    }

    private static bool SchemaVersionExists(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction);
        return command.ExecuteScalar() is true;
    }

    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.ExecuteNonQuery();
    }
}
