using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>
/// Each test gets its own storage and a store over it: a LiteDB file by default, or what the given harness provides, so
/// that the store contract tests run against every provider.
/// </summary>
public abstract class StoreTestBase : IDisposable
{
    private readonly StoreHarness _harness;

    protected StoreTestBase()
        : this(new LiteDbHarness())
    {
    }

    protected StoreTestBase(StoreHarness harness)
    {
        _harness = harness;
        Store = harness.Open();
    }

    internal TempDatabase Database => (_harness as LiteDbHarness)?.Database ?? throw new InvalidOperationException("Not a LiteDB store test.");

    protected IPaperBotStore Store { get; private set; }

    /// <summary>Closes the store and opens the same storage again, as a restart would.</summary>
    protected void Reopen()
    {
        Store.Dispose();
        Store = _harness.Open();
    }

    public void Dispose()
    {
        Store.Dispose();
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }
}
