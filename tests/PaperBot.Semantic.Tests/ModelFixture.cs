using Microsoft.Extensions.Options;

namespace PaperBot.Semantic.Tests;

/// <summary>The real model, loaded once for the whole test run (every test class shares this collection).</summary>
public sealed class ModelFixture : IDisposable
{
    public ModelFixture()
    {
        ModelDirectory = Path.Combine(Path.GetTempPath(), "paperbot-tests-model");
        Embedder = new MiniLmEmbedder(Options.Create(new SemanticOptions { ModelDirectory = ModelDirectory, BatchSize = 4 }));
    }

    public string ModelDirectory { get; }

    public MiniLmEmbedder Embedder { get; }

    public void Dispose() => Embedder.Dispose();
}
