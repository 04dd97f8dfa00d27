namespace PaperBot.Storage.Tests;

/// <summary>Each test gets its own database file and a store over it.</summary>
public abstract class StoreTestBase : IDisposable
{
    private readonly TempDatabase _database = new();

    protected StoreTestBase() => Store = _database.Open();

    internal TempDatabase Database => _database;

    protected LiteDbStore Store { get; private set; }

    /// <summary>Closes the store and opens the same file again, as a restart would.</summary>
    protected void Reopen()
    {
        Store.Dispose();
        Store = _database.Open();
    }

    public void Dispose()
    {
        Store.Dispose();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}
