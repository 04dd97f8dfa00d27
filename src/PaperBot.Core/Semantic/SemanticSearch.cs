using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Semantic;

/// <summary>
/// <c>/papers search</c> with <c>about:"..."</c>: the stored papers closest in meaning to the (first) sentence, closest
/// first, that also satisfy the rest of the query. One vectorised scan over every stored vector picks the
/// <see cref="Candidates"/> closest. A query of about: conditions alone is settled from the vectors; only a query
/// that also has words reads its candidates from the store to match them.
/// </summary>
public static class SemanticSearch
{
    public const int Candidates = 200;

    /// <summary>The ids of the matching papers, closest first.</summary>
    public static async Task<List<string>> RankAsync(TopicQuery query, IPaperStore papers, PaperVectors vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(vectors);
        await vectors.CatchUpFewAsync(cancellationToken).ConfigureAwait(false);
        await AboutFilter.BindAsync(query, vectors, cancellationToken).ConfigureAwait(false);
        var sentence = await vectors.ScoreSentenceAsync(query.AboutSentences[0], cancellationToken).ConfigureAwait(false);
        var ranked = new List<string>();
        foreach (var (id, closeness) in vectors.Closest(sentence.Vector, Candidates))
        {
            // Closest first: once below the loosest about: closeness of the query, a paper can only match through
            // another OR branch, which the keyword search serves better; stop reading.
            if (sentence.Standardise(closeness) < query.LoosestAboutThreshold && query.AboutIsRequired)
            {
                break;
            }

            if (vectors.Find(id) is not { } vector)
            {
                continue;
            }

            var paper = query.IsAboutOnly ? WithoutWords(id) : papers.Find(id);
            if (paper is not null && query.Matches(PaperText.From(paper, vector)))
            {
                ranked.Add(id);
            }
        }

        return ranked;
    }

    // A query of about: conditions alone reads only the vector, so the paper's text need not be read.
    private static Paper WithoutWords(string arxivId) => new() { ArxivId = arxivId, Title = "" };
}
