using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;

namespace PaperBot.Core.Matching;

/// <summary>
/// Matches papers against the subscriptions whose query has <c>about:"..."</c>, which need vectors and so are
/// kept out of <see cref="SubscriptionIndex"/> (it matches by words only). The about: subscriptions are parsed once
/// per change of the subscription list, and their sentences scored against the store (<see cref="PaperVectors.ScoreSentenceAsync"/>,
/// remembered there) at every match; a paper without a vector matches none.
/// </summary>
public sealed class AboutMatcher
{
    private Compiled? _compiled;

    /// <summary>True when <paramref name="query"/> (a stored, normalised query) is matched here, not by the index.</summary>
    public static bool IsAbout(string query) => TopicQuery.TryParse(query, out var parsed, out _) && parsed.HasAbout;

    /// <summary>The about: subscriptions among <paramref name="subscriptions"/>.</summary>
    public IReadOnlyList<Subscription> AboutSubscriptions(IReadOnlyList<Subscription> subscriptions) =>
        [.. Compile(subscriptions).Queries.Select(q => q.Subscription)];

    /// <summary>
    /// One <see cref="ChannelMatch"/> per channel and paper that the channel's about: subscriptions match, naming
    /// those topics in subscription order. <paramref name="vectors"/> holds the papers' vectors by arXiv id.
    /// </summary>
    public async Task<IReadOnlyList<ChannelMatch>> MatchAsync(IReadOnlyList<Paper> papers, IReadOnlyDictionary<string, float[]> vectors,
        IReadOnlyList<Subscription> subscriptions, PaperVectors model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(model);
        var about = Compile(subscriptions);
        var matches = new List<ChannelMatch>();
        if (about.Queries.Length == 0)
        {
            return matches;
        }

        foreach (var query in about.Queries.Select(q => q.Query).Distinct())
        {
            await AboutFilter.BindAsync(query, model, cancellationToken).ConfigureAwait(false);
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

    private Compiled Compile(IReadOnlyList<Subscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var cached = Volatile.Read(ref _compiled);
        if (cached is not null && cached.Subscriptions.SequenceEqual(subscriptions))
        {
            return cached;
        }

        // One parsed query per distinct text, shared by every channel subscribed to it.
        var known = new Dictionary<string, TopicQuery>(StringComparer.Ordinal);
        var queries = new List<BoundQuery>();
        foreach (var subscription in subscriptions)
        {
            if (!known.TryGetValue(subscription.Query, out var query))
            {
                if (!TopicQuery.TryParse(subscription.Query, out query, out _) || !query.HasAbout)
                {
                    continue; // not an about: query (an unparsable one is reported by the keyword matcher)
                }

                known[subscription.Query] = query;
            }

            queries.Add(new BoundQuery(subscription, query));
        }

        var result = new Compiled([.. subscriptions], [.. queries], [.. queries.GroupBy(q => q.Subscription.Channel)]);
        Volatile.Write(ref _compiled, result);
        return result;
    }

    private sealed record BoundQuery(Subscription Subscription, TopicQuery Query);

    private sealed record Compiled(Subscription[] Subscriptions, BoundQuery[] Queries, IGrouping<ChannelRef, BoundQuery>[] Channels);
}
