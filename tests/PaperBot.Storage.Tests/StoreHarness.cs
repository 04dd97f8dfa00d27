using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>
/// One store provider's side of the contract tests: opens a store over fresh, empty storage, opens it again over the
/// same storage (a restart), and removes the storage at the end.
/// </summary>
public abstract class StoreHarness : IDisposable
{
    public abstract IPaperBotStore Open();

    public abstract void Dispose();
}
