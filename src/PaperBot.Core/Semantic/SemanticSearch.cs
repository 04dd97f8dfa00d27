using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Semantic;

/// <summary>
/// <c>/papers search</c> with <c>about:"..."</c>: the stored papers closest in meaning to the (first) sentence, closest
/// first, that also satisfy the rest of the query. One vectorised scan over every stored vector picks the
/// <see cref="Candidates"/> closest. A query of about: conditions alone is settled from the vectors; only a query
/// that also has words reads its candidates (in one read) to match them.
/// </summary>
public static class SemanticSearch
{
    public const int Candidates = 200;

    /// <summary>The ids of the matching papers, closest first; <paramref name="fetch"/> reads papers by id, in the order given.</summary>
    public static async Task<List<string>> RankAsync(
        TopicQuery query, Func<IReadOnlyList<string>, IReadOnlyList<Paper>> fetch, PaperVectors vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(vectors);
        await vectors.CatchUpFewAsync(cancellationToken).ConfigureAwait(false);
        await AboutFilter.BindAsync(query, vectors, cancellationToken).ConfigureAwait(false);
        var sentence = await vectors.ScoreSentenceAsync(query.AboutSentences[0], cancellationToken).ConfigureAwait(false);

        // Closest first: once below the loosest about: closeness of the query, a paper can only match through
        // another OR branch, which the keyword search serves better; stop there.
        var candidates = vectors.Closest(sentence.Vector, Candidates)
            .TakeWhile(c => !query.AboutIsRequired || sentence.Standardise(c.Closeness) >= query.LoosestAboutThreshold)
            .Select(c => (c.ArxivId, Vector: vectors.Find(c.ArxivId)))
            .Where(c => c.Vector is not null)
            .ToList();

        // Words are read only when the query has some, all candidates in one read.
        var texts = query.IsAboutOnly
            ? candidates.Select(c => new Paper { ArxivId = c.ArxivId, Title = "" })
            : fetch([.. candidates.Select(c => c.ArxivId)]);
        var vectorOf = candidates.ToDictionary(c => c.ArxivId, c => c.Vector, StringComparer.Ordinal);
        return [.. texts.Where(p => query.Matches(PaperText.From(p, vectorOf[p.ArxivId]))).Select(p => p.ArxivId)];
    }
}
