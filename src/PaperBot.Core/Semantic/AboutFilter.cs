using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Semantic;

/// <summary>
/// Runs a query that may hold <c>about:"..."</c> over a set of papers: the sentences are embedded, the papers get
/// their vectors (stored ones, or computed once now), then the query is matched as usual.
/// </summary>
public static class AboutFilter
{
    public static ErrorResult Unavailable() => new(
        "about:\"...\" needs the sentence model, and this PaperBot runs without it.",
        "Ask the operator to start PaperBot with its Semantic services, or search by words instead.");

    /// <summary>Embeds the query's <c>about:</c> sentences (a no-op for a query without any).</summary>
    public static async Task BindAsync(TopicQuery query, PaperVectors vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(vectors);
        foreach (var sentence in query.AboutSentences)
        {
            query.Bind(sentence, await vectors.ScoreSentenceAsync(sentence, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The papers that match, in the order given. <paramref name="vectors"/> may be null only for a query without <c>about:</c>.</summary>
    public static async Task<List<Paper>> WhereAsync(TopicQuery query, IReadOnlyList<Paper> papers, PaperVectors? vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(papers);
        if (!query.HasAbout)
        {
            return [.. papers.Where(query.Matches)];
        }

        ArgumentNullException.ThrowIfNull(vectors);
        await BindAsync(query, vectors, cancellationToken).ConfigureAwait(false);

        // Cheap conditions first: only papers that could match by their words and upvotes need a vector.
        var found = await vectors.ForPapersAsync(papers, cancellationToken).ConfigureAwait(false);
        return [.. papers.Where(p => query.Matches(PaperText.From(p, found.GetValueOrDefault(p.ArxivId))))];
    }
}
