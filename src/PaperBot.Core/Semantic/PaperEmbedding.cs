namespace PaperBot.Core.Semantic;

/// <summary>The vector of one paper's title and abstract, as computed by <paramref name="Model"/>.</summary>
public sealed record PaperEmbedding(string ArxivId, string Model, float[] Vector);
