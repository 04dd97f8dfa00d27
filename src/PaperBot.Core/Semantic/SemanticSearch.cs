using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Semantic;

/// <summary>
/// <c>/papers search</c> with <c>about:"..."</c>: the stored papers closest in meaning to the (first) sentence, closest
/// first, that also satisfy the rest of the query. One vectorised scan over every stored vector picks the
/// <see cref="Candidates"/> closest; only those are read from the store and matched.
/// </summary>
public static class SemanticSearch
{
    public const int Candidates = 200;

    public static async Task<List<(Paper Paper, float Closeness)>> RankAsync(
        TopicQuery query, IPaperStore papers, PaperVectors vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(vectors);
        await vectors.CatchUpFewAsync(cancellationToken).ConfigureAwait(false);
        await AboutFilter.BindAsync(query, vectors, cancellationToken).ConfigureAwait(false);
        var sentence = await vectors.EmbedSentenceAsync(query.AboutSentences[0], cancellationToken).ConfigureAwait(false);
        var ranked = new List<(Paper, float)>();
        foreach (var (id, closeness) in vectors.Closest(sentence, Candidates))
        {
            // Closest first: once below the loosest about: closeness of the query, a paper can only match through
            // another OR branch, which the keyword search serves better; stop reading.
            if (closeness < query.LoosestAboutThreshold && query.AboutIsRequired)
            {
                break;
            }

            if (papers.Find(id) is { } paper && vectors.Find(id) is { } vector && query.Matches(PaperText.From(paper, vector)))
            {
                ranked.Add((paper, closeness));
            }
        }

        return ranked;
    }
}
