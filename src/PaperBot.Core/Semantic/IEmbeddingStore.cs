namespace PaperBot.Core.Semantic;

/// <summary>Paper embeddings, kept beside the papers they belong to (one per paper and model).</summary>
public interface IEmbeddingStore
{
    /// <summary>Adds or replaces the embeddings of these papers.</summary>
    void SaveEmbeddings(IReadOnlyCollection<PaperEmbedding> embeddings);

    /// <summary>Every stored embedding of <paramref name="model"/>.</summary>
    IReadOnlyList<PaperEmbedding> AllEmbeddings(string model);

    /// <summary>Up to <paramref name="limit"/> stored papers with no embedding of <paramref name="model"/>, newest listing day first.</summary>
    IReadOnlyList<Papers.Paper> PapersWithoutEmbedding(string model, int limit);

    /// <summary>How many stored papers have no embedding of <paramref name="model"/>.</summary>
    int CountWithoutEmbedding(string model);
}
