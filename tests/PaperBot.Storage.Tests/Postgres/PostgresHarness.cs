using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL store over a fresh database of the test process's throwaway cluster. Each database is a copy of one
/// migrated once per process, which is several times faster than migrating each (the migration itself has its own tests).
/// </summary>
public sealed class PostgresHarness : StoreHarness
{
    private static readonly Lazy<string> Template = new(() =>
    {
        var template = PostgresCluster.Shared.CreateDatabase();
        PostgresStore.Open(template.ConnectionString).Dispose();
        return template.Name;
    });

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase(Template.Value);

    public string ConnectionString => _database.ConnectionString;

    public override IPaperBotStore Open() => PostgresStore.Open(_database.ConnectionString);

    public override void Dispose() => _database.Dispose();
}
