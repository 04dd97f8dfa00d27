using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>The LiteDB store over a file in a fresh temp folder.</summary>
public sealed class LiteDbHarness : StoreHarness
{
    internal TempDatabase Database { get; } = new();

    public override IPaperBotStore Open() => Database.Open();

    public override void Dispose() => Database.Dispose();
}
