using PaperBot.Core.Query;

namespace PaperBot.Core.Search;

public sealed partial class PaperSearchIndex
{
    /// <summary>
    /// Of <paramref name="candidates"/> (papers with their meaning vectors, in rank order), those <paramref name="query"/>
    /// matches, in the same order. Its words, upvotes and has: are evaluated on the postings and its (bound) about:
    /// conditions on the vectors and the postings of their sentences' words, so nothing is read from the store but the candidates the postings cannot settle: a
    /// phrase's, a paper whose text changed since it was indexed, a paper not indexed yet.
    /// </summary>
    public IReadOnlyList<string> Among(TopicQuery query, IReadOnlyList<(string ArxivId, float[] Vector)> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        EnsureBuilt();

        // Per candidate: true (matches), false (does not), null (read it and match its text).
        var verdicts = new bool?[candidates.Count];
        _lock.EnterReadLock();
        try
        {
            var state = _state;
            var numbers = new int[candidates.Count];
            var present = new PaperBits(state.Capacity);
            for (var i = 0; i < candidates.Count; i++)
            {
                numbers[i] = _numbers.TryGetValue(candidates[i].ArxivId, out var number) ? number : -1;
                if (numbers[i] >= 0)
                {
                    present.Add(numbers[i]);
                }
            }

            PaperBits Meaning(AboutNode node)
            {
                var bits = new PaperBits(state.Capacity);
                var shares = SharesOf(node.Score.Words, numbers);
                for (var i = 0; i < candidates.Count; i++)
                {
                    if (numbers[i] >= 0 && node.Matches(candidates[i].Vector, shares[i]))
                    {
                        bits.Add(numbers[i]);
                    }
                }

                return bits;
            }

            var matched = new PostingEvaluator(_fields, state, Every, Meaning).Evaluate(query.Root);
            matched.And(present);
            for (var i = 0; i < candidates.Count; i++)
            {
                verdicts[i] = numbers[i] < 0 ? null : !matched.Contains(numbers[i]) ? false : matched.Exact ? true : null;
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        var unsettled = Enumerable.Range(0, candidates.Count).Where(i => verdicts[i] is null).ToList();
        if (unsettled.Count > 0)
        {
            var papers = Fetch([.. unsettled.Select(i => candidates[i].ArxivId)]).ToDictionary(p => p.ArxivId, StringComparer.Ordinal);
            foreach (var i in unsettled)
            {
                verdicts[i] = papers.TryGetValue(candidates[i].ArxivId, out var paper) && query.Matches(PaperText.From(paper, candidates[i].Vector));
            }
        }

        return [.. Enumerable.Range(0, candidates.Count).Where(i => verdicts[i] == true).Select(i => candidates[i].ArxivId)];
    }
}
