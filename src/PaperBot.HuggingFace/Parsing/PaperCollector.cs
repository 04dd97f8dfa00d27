using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>Collects the papers of one listing, keeping the first of each arXiv id (versions already removed).</summary>
internal sealed class PaperCollector
{
    private readonly List<InspectedPaper> _papers = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public IReadOnlyList<InspectedPaper> Papers => _papers;

    /// <summary>False when the paper repeats one already collected.</summary>
    public bool Add(InspectedPaper paper)
    {
        if (!_ids.Add(paper.Paper.ArxivId))
        {
            return false;
        }

        _papers.Add(paper);
        return true;
    }
}
