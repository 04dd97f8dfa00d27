using System.Runtime.InteropServices;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Matching;

/// <summary>
/// Subscriptions compiled for matching many papers: each distinct query is parsed once and filed under its
/// anchors (<see cref="QueryAnchors"/>), so a paper is checked only against the queries that share a stem,
/// a name word or an upvote floor with it, not against every subscription.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly IndexPostings postings;
    private readonly TopicQuery[] queries;

    // Per query, where it is owed: channel position << 32 | topic position within the channel. Sorting these
    // longs puts a paper's topics in channel order, then subscription order.
    private readonly long[][] owedTo;

    // Per channel, the query of each topic position; and per query, its one-topic list, shared by every post
    // that names only it (most posts).
    private readonly int[][] channelTopics;
    private readonly ChannelRef[] channels;
    private readonly IReadOnlyList<string>[] singleTopics;
    private readonly QueryProgram program;

    private SubscriptionIndex(TopicQuery[] queries, long[][] owedTo, int[][] channelTopics, ChannelRef[] channels)
    {
        program = QueryProgram.Compile(queries);
        postings = IndexPostings.Build(queries);
        this.queries = queries;
        this.owedTo = owedTo;
        this.channelTopics = channelTopics;
        this.channels = channels;
        singleTopics = Array.ConvertAll(queries, query => (IReadOnlyList<string>)Array.AsReadOnly([query.Text]));
    }

    /// <summary>How many distinct queries the index holds.</summary>
    public int QueryCount => queries.Length;

    /// <summary>How many of them lack anchors and are checked against every paper.</summary>
    public int UnanchoredCount => postings.Unanchored.Length;

    /// <summary>
    /// Compiles <paramref name="subscriptions"/>. A stored query that no longer parses is reported to
    /// <paramref name="invalid"/> and left out; repeated query texts within a channel count once.
    /// </summary>
    public static SubscriptionIndex Build(IReadOnlyList<Subscription> subscriptions, Action<Subscription, QueryError>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var channels = new List<ChannelRef>();
        var channelTopics = new List<int[]>();
        var queries = new List<TopicQuery>();
        var owedTo = new List<List<long>>();
        var parsed = new Dictionary<string, (int Id, QueryError? Error)>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in subscriptions.GroupBy(s => s.Channel))
        {
            var topics = new List<int>();
            foreach (var subscription in group)
            {
                // Many channels share topics; each distinct text is parsed once.
                if (!parsed.TryGetValue(subscription.Query, out var result))
                {
                    result = TopicQuery.TryParse(subscription.Query, out var query, out var error) ? (IdOf(query, ids, queries, owedTo), null) : (-1, error);
                    parsed[subscription.Query] = result;
                }

                if (result.Error is not null)
                {
                    invalid?.Invoke(subscription, result.Error);
                }
                else if (!topics.Contains(result.Id))
                {
                    owedTo[result.Id].Add(((long)channels.Count << 32) | (uint)topics.Count);
                    topics.Add(result.Id);
                }
            }

            channels.Add(group.Key);
            channelTopics.Add([.. topics]);
        }

        return new SubscriptionIndex([.. queries], [.. owedTo.Select(o => o.ToArray())], [.. channelTopics], [.. channels]);
    }

    /// <summary>
    /// One <see cref="ChannelMatch"/> per channel and paper the channel's topics match, naming those topics in
    /// subscription order; papers in the given order, channels in order of their first subscription.
    /// </summary>
    public IReadOnlyList<ChannelMatch> Match(IReadOnlyList<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var matches = new List<ChannelMatch>();
        var seen = new int[queries.Length];
        var candidates = new List<int>();
        var owed = new List<long>();
        var memo = new sbyte[program.TermCount];
        var stack = new bool[program.MaxStack];
        for (var p = 0; p < papers.Count; p++)
        {
            var text = PaperText.From(papers[p]);
            program.Prime(text, memo);
            candidates.Clear();
            postings.Candidates(text, seen, stamp: p + 1, candidates);

            // In id order the program is read front to back, which the memory prefetcher rewards.
            CollectionsMarshal.AsSpan(candidates).Sort();
            owed.Clear();
            foreach (var candidate in candidates)
            {
                if (program.Run(candidate, text, memo, stack))
                {
                    owed.AddRange(owedTo[candidate].AsSpan());
                }
            }

            CollectionsMarshal.AsSpan(owed).Sort();
            AddChannelMatches(papers[p], CollectionsMarshal.AsSpan(owed), matches);
        }

        return matches;
    }

    private void AddChannelMatches(Paper paper, ReadOnlySpan<long> owed, List<ChannelMatch> matches)
    {
        var start = 0;
        while (start < owed.Length)
        {
            var channel = (int)(owed[start] >> 32);
            var end = start + 1;
            while (end < owed.Length && (int)(owed[end] >> 32) == channel)
            {
                end++;
            }

            var topics = channelTopics[channel];
            IReadOnlyList<string> named;
            if (end - start == 1)
            {
                named = singleTopics[topics[(int)owed[start]]];
            }
            else
            {
                var several = new string[end - start];
                for (var i = start; i < end; i++)
                {
                    several[i - start] = queries[topics[(int)owed[i]]].Text;
                }

                named = Array.AsReadOnly(several);
            }

            matches.Add(new ChannelMatch(channels[channel], paper, named));
            start = end;
        }
    }

    private static int IdOf(TopicQuery query, Dictionary<string, int> ids, List<TopicQuery> queries, List<List<long>> owedTo)
    {
        // Different spellings can normalise to one text ("Agents", "agents"): one query, evaluated once.
        if (!ids.TryGetValue(query.Text, out var id))
        {
            ids[query.Text] = id = queries.Count;
            queries.Add(query);
            owedTo.Add([]);
        }

        return id;
    }
}
