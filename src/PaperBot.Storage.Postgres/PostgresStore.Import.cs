namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>How many rows the database holds of each kind.</summary>
    public StoreCounts CountAll() => Read(c => Copying.PostgresImport.Count(c, null));

    /// <summary>Starts a bulk copy into this database: one transaction, committed only by <see cref="PostgresImport.Commit"/>.</summary>
    internal Copying.PostgresImport BeginImport()
    {
        var connection = _source.OpenConnection();
        return new Copying.PostgresImport(connection, connection.BeginTransaction());
    }
}
