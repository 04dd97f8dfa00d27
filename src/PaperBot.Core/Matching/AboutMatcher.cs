using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;

namespace PaperBot.Core.Matching;

/// <summary>
/// Matches papers against the subscriptions whose query has <c>about:"..."</c>, which need vectors and so are
/// kept out of <see cref="SubscriptionIndex"/> (it matches by words only). The about: subscriptions are parsed and
/// their sentences embedded once per change of the subscription list; a paper without a vector matches none.
/// </summary>
public sealed class AboutMatcher(ILogger<AboutMatcher> logger, ITextEmbedder? embedder = null)
{
    private Compiled? compiled;

    /// <summary>True when the sentence model is here, so about: subscriptions can be matched at all.</summary>
    public bool CanMatch => embedder is not null;

    /// <summary>True when <paramref name="query"/> (a stored, normalised query) is matched here, not by the index.</summary>
    public static bool IsAbout(string query) => TopicQuery.TryParse(query, out var parsed, out _) && parsed.HasAbout;

    /// <summary>The about: subscriptions among <paramref name="subscriptions"/>.</summary>
    public async Task<IReadOnlyList<Subscription>> AboutSubscriptionsAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken) =>
        [.. (await CompileAsync(subscriptions, cancellationToken).ConfigureAwait(false)).Queries.Select(q => q.Subscription)];

    /// <summary>
    /// One <see cref="ChannelMatch"/> per channel and paper that the channel's about: subscriptions match, naming
    /// those topics in subscription order. <paramref name="vectors"/> holds the papers' vectors by arXiv id.
    /// </summary>
    public async Task<IReadOnlyList<ChannelMatch>> MatchAsync(
        IReadOnlyList<Paper> papers, IReadOnlyDictionary<string, float[]> vectors, IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(vectors);
        var about = await CompileAsync(subscriptions, cancellationToken).ConfigureAwait(false);
        var matches = new List<ChannelMatch>();
        if (about.Queries.Length == 0)
        {
            return matches;
        }

        foreach (var paper in papers)
        {
            if (!vectors.TryGetValue(paper.ArxivId, out var vector))
            {
                continue;
            }

            var text = PaperText.From(paper, vector);
            foreach (var channel in about.Channels)
            {
                var topics = channel.Where(q => q.Query.Matches(text)).Select(q => q.Query.Text).Distinct(StringComparer.Ordinal).ToList();
                if (topics.Count > 0)
                {
                    matches.Add(new ChannelMatch(channel.Key, paper, topics));
                }
            }
        }

        return matches;
    }

    private async Task<Compiled> CompileAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var cached = Volatile.Read(ref compiled);
        if (cached is not null && cached.Subscriptions.SequenceEqual(subscriptions))
        {
            return cached;
        }

        // A query already bound keeps its vectors: subscribing one more topic embeds only the new sentences.
        var known = cached?.Queries.ToDictionary(q => q.Query.Text, q => q.Query, StringComparer.Ordinal) ?? [];
        var queries = new List<BoundQuery>();
        foreach (var subscription in subscriptions)
        {
            if (known.GetValueOrDefault(subscription.Query) is { } bound)
            {
                queries.Add(new BoundQuery(subscription, bound));
                continue;
            }

            if (!TopicQuery.TryParse(subscription.Query, out var query, out _) || !query.HasAbout)
            {
                continue; // not an about: query (an unparsable one is reported by the keyword matcher)
            }

            if (embedder is null)
            {
                logger.LogWarning("Subscription {SubscriptionId} of {Channel} matches by meaning (about:), but this PaperBot runs without the sentence model; skipping it",
                    subscription.Id, subscription.Channel.Key);
                continue;
            }

            var sentences = query.AboutSentences;
            var computed = await embedder.EmbedAsync(sentences, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < sentences.Count; i++)
            {
                query.Bind(sentences[i], computed[i]);
            }

            queries.Add(new BoundQuery(subscription, query));
            known[query.Text] = query;
        }

        var result = new Compiled([.. subscriptions], [.. queries], [.. queries.GroupBy(q => q.Subscription.Channel)]);
        Volatile.Write(ref compiled, result);
        return result;
    }

    private sealed record BoundQuery(Subscription Subscription, TopicQuery Query);

    private sealed record Compiled(Subscription[] Subscriptions, BoundQuery[] Queries, IGrouping<ChannelRef, BoundQuery>[] Channels);
}
