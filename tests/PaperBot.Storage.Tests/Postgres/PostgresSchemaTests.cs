using Npgsql;
using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>Versioned migrations on a real server: applied once, recorded, refused when newer; the command queries indexed.</summary>
public sealed class PostgresSchemaTests : IDisposable
{
    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Open_EmptyDatabase_AppliesEveryMigrationOnceAndRecordsIt()
    {
        using (var first = PostgresStore.Open(_database.ConnectionString))
        {
            Assert.Equal(["Migrated the PostgreSQL schema to version 1", "Migrated the PostgreSQL schema to version 2"], first.Upgrades.Select(u => u[..u.IndexOf(':', StringComparison.Ordinal)]));
            Assert.Contains("127.0.0.1", first.Location, StringComparison.Ordinal);
        }

        using var again = PostgresStore.Open(_database.ConnectionString);

        Assert.Empty(again.Upgrades);
        Assert.Equal([1, 2], Read("SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0)));
    }

    [Fact]
    public async Task Open_ThreeStoresAtOnceOnAnEmptyDatabase_AllOpenAndTheSchemaIsBuiltOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresStore.Open(_database.ConnectionString))))
            .WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(global::PaperBot.Storage.Postgres.Schema.Migrations.CurrentVersion, Assert.Single(opened, s => s.Upgrades.Count > 0).Upgrades.Count);
        Assert.All(opened, s => s.Dispose());
    }

    [Fact]
    public void Open_DatabaseOfANewerSchema_RefusesNamingBothVersions()
    {
        PostgresStore.Open(_database.ConnectionString).Dispose();
        Execute("INSERT INTO schema_version (version, description) VALUES (99, 'from the future')");

        var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_database.ConnectionString));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade PaperBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Exclusive_ASecondExclusiveStoreIsRefusedUntilTheFirstIsDisposed()
    {
        var first = PostgresStore.Open(_database.ConnectionString, exclusive: true);

        var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_database.ConnectionString, exclusive: true));
        using (PostgresStore.Open(_database.ConnectionString))
        {
            // A non-exclusive store (tests, tools that only read) is not refused.
        }

        first.Dispose();
        using var next = PostgresStore.Open(_database.ConnectionString, exclusive: true);

        Assert.Contains("another PaperBot process is already using this database", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("papers", "listed_on")]
    [InlineData("papers", "first_seen_ticks")]
    [InlineData("papers", "arxiv_id")]
    [InlineData("saved", "user_key")]
    [InlineData("subscriptions", "channel_key")]
    [InlineData("deliveries", "channel_key")]
    [InlineData("deliveries", "state")]
    [InlineData("deliveries", "sent_ticks")]
    [InlineData("posts", "channel_key")]
    [InlineData("inbound_events", "at_ticks")]
    public void Schema_WhatCommandsAndTheOutboxAskFor_HasAnIndexLedByThatColumn(string table, string column)
    {
        PostgresStore.Open(_database.ConnectionString).Dispose();

        var leading = Read(
            "SELECT a.attname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] "
            + $"WHERE t.relname = '{table}'",
            r => r.GetString(0));

        Assert.Contains(column, leading);
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
