using PaperBot.Core.Semantic;

namespace PaperBot.Semantic.Tests;

/// <summary>The real model, counting the texts it is asked to embed (to prove a paper is embedded once).</summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private int _texts;

    public int Texts => Volatile.Read(ref _texts);

    public int Dimensions => inner.Dimensions;

    public string ModelName => inner.ModelName;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _texts, texts.Count);
        return inner.EmbedAsync(texts, cancellationToken);
    }
}
