namespace PaperBot.Testing.Postgres;

/// <summary>One database of a <see cref="PostgresCluster"/>, dropped on dispose (with any connection still open to it).</summary>
public sealed class PostgresDatabase(PostgresCluster cluster, string name) : IDisposable
{
    public string Name => name;

    public PostgresCluster Cluster => cluster;

    /// <summary>The superuser's connection string for this database.</summary>
    public string ConnectionString => cluster.ConnectionString(name);

    public void Dispose() => cluster.DropDatabase(name);
}
