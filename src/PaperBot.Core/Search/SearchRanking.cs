using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Search;

/// <summary>
/// How <c>/papers search</c> ranks: a match in the title alone (3) beats one that needs the keywords (2), which beats
/// one that needs the abstract or names (1); then more upvotes, then the later day, then the arXiv id.
/// </summary>
public static class SearchRanking
{
    /// <summary>0 when <paramref name="query"/> does not match <paramref name="paper"/>, else 1 to 3.</summary>
    public static int Relevance(TopicQuery query, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(paper);
        if (!query.Matches(paper))
        {
            return 0;
        }

        var titleOnly = paper with { Abstract = "", Authors = [], Keywords = [], Organization = null };
        if (query.Matches(titleOnly))
        {
            return 3;
        }

        return query.Matches(titleOnly with { Keywords = paper.Keywords }) ? 2 : 1;
    }
}
