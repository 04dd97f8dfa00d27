using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Benchmarks;

/// <summary>The store a benchmarked host runs on: its settings, and a way to fill it before the host starts.</summary>
internal sealed class BenchStorage : IDisposable
{
    private readonly Func<IPaperBotStore> _open;
    private readonly IDisposable? _owned;

    private BenchStorage(string name, IReadOnlyDictionary<string, string> settings, Func<IPaperBotStore> open, IDisposable? owned = null)
    {
        Name = name;
        Settings = settings;
        _open = open;
        _owned = owned;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static BenchStorage LiteDb(string path) =>
        new("LiteDB", new Dictionary<string, string> { ["Storage:Path"] = path }, () => LiteDbStore.Open(path));

    /// <summary>A fresh database on a throwaway local cluster (initdb/pg_ctl, as the tests start it), dropped on dispose.</summary>
    public static BenchStorage Postgres()
    {
        var database = PostgresCluster.Shared.CreateDatabase();
        return new("PostgreSQL", new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database.ConnectionString,
        }, () => PostgresStore.Open(database.ConnectionString), database);
    }

    /// <summary>Opens the store for seeding; dispose it before the host starts.</summary>
    public IPaperBotStore Open() => _open();

    public void Dispose() => _owned?.Dispose();
}
