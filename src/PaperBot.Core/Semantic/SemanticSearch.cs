using PaperBot.Core.Query;
using PaperBot.Core.Search;

namespace PaperBot.Core.Semantic;

/// <summary>
/// <c>/papers search</c> with <c>about:"..."</c>: the stored papers closest in meaning to the (first) sentence, closest
/// first (by the score about: matches by, <see cref="SentenceScore"/>), that also satisfy the rest of the query. One
/// vectorised scan over every stored vector picks the <see cref="Candidates"/> closest; the rest of the query is evaluated on the search index's postings
/// (<see cref="PaperSearchIndex.Among"/>), so the candidates are not read from the store.
/// </summary>
public static class SemanticSearch
{
    public const int Candidates = 200;

    /// <summary>The ids of the matching papers, closest first.</summary>
    public static async Task<IReadOnlyList<string>> RankAsync(TopicQuery query, PaperSearchIndex index, PaperVectors vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(vectors);
        await vectors.CatchUpFewAsync(cancellationToken).ConfigureAwait(false);
        await AboutFilter.BindAsync(query, vectors, cancellationToken).ConfigureAwait(false);
        var sentence = await vectors.ScoreSentenceAsync(query.AboutSentences[0], cancellationToken).ConfigureAwait(false);

        // Closest first: once below the loosest about: closeness of the query (less the most the sentence's words can
        // add), a paper can only match through another OR branch, which the keyword search serves better; stop there.
        var near = vectors.Closest(sentence.Vector, Candidates)
            .TakeWhile(c => !query.AboutIsRequired || sentence.Standardise(c.Closeness) + sentence.MostWordEvidence >= query.LoosestAboutThreshold)
            .Select(c => (c.ArxivId, Vector: vectors.Find(c.ArxivId)))
            .Where(c => c.Vector is not null)
            .Select(c => (c.ArxivId, Vector: c.Vector!))
            .ToList();

        // Ranked by the whole score, meaning and words, as about: matches.
        var shares = index.WordShares(sentence.Words, [.. near.Select(c => c.ArxivId)]);
        var candidates = near.Select((c, i) => (c.ArxivId, c.Vector, Score: sentence.Of(c.Vector, shares[i])))
            .OrderByDescending(c => c.Score)
            .Select(c => (c.ArxivId, c.Vector))
            .ToList();
        return index.Among(query, candidates);
    }
}
