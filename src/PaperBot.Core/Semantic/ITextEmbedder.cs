namespace PaperBot.Core.Semantic;

/// <summary>Turns text into unit-length vectors whose dot product measures closeness of meaning.</summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector this embedder returns.</summary>
    int Dimensions { get; }

    /// <summary>Names the model, so that vectors of another model are recognised and recomputed.</summary>
    string ModelName { get; }

    /// <summary>
    /// One unit-length vector per text, in the order given. The first call may load the model; long texts are
    /// truncated to what the model reads.
    /// </summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
