using PaperBot.Core.Papers;

namespace PaperBot.Core.Semantic;

/// <summary>What of a paper is embedded: its title, then its abstract (the model reads the first few hundred words).</summary>
public static class EmbeddingText
{
    public static string Of(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return string.IsNullOrWhiteSpace(paper.Abstract) ? paper.Title : paper.Title + ". " + paper.Abstract;
    }
}
