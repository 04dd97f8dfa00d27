using System.Net;
using System.Net.Sockets;
using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>What an operator reads when the database cannot be used: the setting, the server, what to do; never the password.</summary>
public sealed class PostgresOpenErrorTests : IDisposable
{
    private const string Secret = "s3cret-Pa55word-never-shown";
    private readonly PostgresCluster _cluster = PostgresCluster.Shared;
    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Open_NothingListensOnThePort_SaysTheServerCannotBeReached()
    {
        var connection = $"Host=127.0.0.1;Port={UnusedPort()};Database=paperbot;Username=paperbot;Password={Secret};Timeout=5";

        var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(connection));

        AssertOperatorMessage(error, "cannot be reached");
        Assert.Contains("paperbot@127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongPassword_SaysTheLoginWasRefused()
    {
        var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_cluster.ConnectionString(_database.Name, password: Secret)));

        AssertOperatorMessage(error, "refused to log in user \"postgres\"");
    }

    [Fact]
    public void Open_DatabaseMissing_SaysHowToCreateIt()
    {
        var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_cluster.ConnectionString("no_such_database")));

        AssertOperatorMessage(error, "\"no_such_database\" does not exist");
        Assert.Contains("CREATE DATABASE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UserWithoutTheRightToCreateTables_SaysWhichRightsToGrant()
    {
        var role = "r_" + Guid.NewGuid().ToString("N")[..12];
        _cluster.Admin($"CREATE ROLE {role} LOGIN PASSWORD '{Secret}'");
        try
        {
            var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_cluster.ConnectionString(_database.Name, role, Secret)));

            AssertOperatorMessage(error, $"user \"{role}\" lacks the rights");
            Assert.Contains("GRANT CREATE, USAGE ON SCHEMA public", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            _database.Dispose();
            _cluster.Admin($"DROP ROLE {role}");
        }
    }

    [Fact]
    public void Open_UserWithOnlyReadAndWriteRightsOnAMigratedDatabase_Works()
    {
        PostgresStore.Open(_database.ConnectionString).Dispose();
        var role = "r_" + Guid.NewGuid().ToString("N")[..12];
        _cluster.Admin($"CREATE ROLE {role} LOGIN PASSWORD '{Secret}'");
        _cluster.Admin($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}; "
            + $"GRANT USAGE, UPDATE ON SEQUENCE subscription_ids TO {role}", _database.Name);
        try
        {
            using (var store = PostgresStore.Open(_cluster.ConnectionString(_database.Name, role, Secret), exclusive: true))
            {
                Assert.Empty(store.Upgrades);
                Assert.Equal(1, store.AddSubscription(Samples.General, "agents", "u", Samples.Now).Id);
                store.RecordPoll([Samples.Paper("2509.00001")], [Samples.Delivery(Samples.General, "2509.00001")], Samples.Polled(Samples.Day));
                Assert.Single(store.Pending());
            }
        }
        finally
        {
            _database.Dispose();
            _cluster.Admin($"DROP ROLE {role}");
        }
    }

    [Fact]
    public void Open_UnreadableConnectionString_SaysHowToWriteItWithoutQuotingIt()
    {
        var error = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open($"Host=127.0.0.1;Port=not-a-port;Password={Secret}"));

        AssertOperatorMessage(error, "not a connection string Npgsql can read");
    }

    private static void AssertOperatorMessage(PostgresStoreException error, string reason)
    {
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), $"Expected \"{reason}\" in: {error.Message}");
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
