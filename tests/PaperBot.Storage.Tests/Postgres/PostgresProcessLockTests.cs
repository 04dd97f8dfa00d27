using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>
/// The one-process lock when the connection holding it is cut, as a server restart would (the termination is awaited, so the
/// server has released the lock when the store checks).
/// </summary>
public sealed class PostgresProcessLockTests : IDisposable
{
    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void CheckProcessLock_ConnectionCut_TakesTheLockAgain()
    {
        using var store = PostgresStore.Open(_database.ConnectionString, exclusive: true);
        CutLockConnections();

        Assert.True(store.CheckProcessLock());

        Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_database.ConnectionString, exclusive: true));
        Assert.True(store.CheckProcessLock());
    }

    [Fact]
    public void CheckProcessLock_ConnectionCutAndAnotherProcessTookTheLock_SaysStop()
    {
        using var store = PostgresStore.Open(_database.ConnectionString, exclusive: true);
        CutLockConnections();
        using var other = PostgresStore.Open(_database.ConnectionString, exclusive: true);

        Assert.False(store.CheckProcessLock());
    }

    private void CutLockConnections() => _database.Cluster.Admin(
        "SELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
        + $"WHERE l.locktype = 'advisory' AND d.datname = '{_database.Name}'");
}
