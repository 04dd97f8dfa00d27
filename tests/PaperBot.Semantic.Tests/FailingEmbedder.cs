using PaperBot.Core.Semantic;

namespace PaperBot.Semantic.Tests;

/// <summary>A model that fails every call, as a model that cannot be loaded or runs out of memory does.</summary>
internal sealed class FailingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    public int Dimensions => inner.Dimensions;

    public string ModelName => inner.ModelName;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the sentence model ran out of memory");
}
