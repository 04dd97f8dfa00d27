using System.Numerics;
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
    private readonly IndexPostings _postings;
    private readonly TopicQuery[] _queries;

    private readonly ChannelRef[] _channels;
    private readonly QueryProgram _program;

    // The postings keyed by word id (see QueryProgram.Vocabulary), as a PaperScan reads papers.
    private readonly int[]?[] _stemPostings;
    private readonly int[]?[] _namePostings;

    // owedTo and channelTopics flattened. Every (channel, topic position) pair has a global number, channel by
    // channel in order, so ascending numbers give a paper's posts in channel order and each post's topics in
    // subscription order. Query q is owed at the numbers owedFlat[owedStart[q]..owedStart[q + 1]]; number g
    // belongs to channel topicChannel[g], names query topicQuery[g] and has the one-topic list singleByTopic[g].
    private readonly int[] _owedFlat;
    private readonly int[] _owedStart;
    private readonly int[] _topicChannel;
    private readonly int[] _topicQuery;
    private readonly IReadOnlyList<string>[] _singleByTopic;

    // How many matches the last batch gave: the next one likely gives as many, so its list starts that large.
    private int _lastMatchCount;

    // owedTo: per query, where it is owed (channel position << 32 | topic position within the channel);
    // channelTopics: per channel, the query of each topic position.
    private SubscriptionIndex(TopicQuery[] queries, long[][] owedTo, int[][] channelTopics, ChannelRef[] channels)
    {
        _program = QueryProgram.Compile(queries);
        _postings = IndexPostings.Build(queries);
        var vocabulary = _program.Vocabulary;
        _stemPostings = _postings.StemsById(word => vocabulary[word], vocabulary.Count);
        _namePostings = _postings.NamesById(word => vocabulary[word], vocabulary.Count);
        _queries = queries;
        _channels = channels;

        // Per query, its one-topic list, shared by every post that names only it (most posts).
        var singleTopics = Array.ConvertAll(queries, query => (IReadOnlyList<string>)Array.AsReadOnly([query.Text]));

        // The same, flattened into contiguous arrays for the matching loop.
        var topicStart = new int[channelTopics.Length + 1];
        for (var c = 0; c < channelTopics.Length; c++)
        {
            topicStart[c + 1] = topicStart[c] + channelTopics[c].Length;
        }

        _topicChannel = new int[topicStart[^1]];
        _topicQuery = new int[topicStart[^1]];
        _singleByTopic = new IReadOnlyList<string>[topicStart[^1]];
        for (var c = 0; c < channelTopics.Length; c++)
        {
            for (var t = 0; t < channelTopics[c].Length; t++)
            {
                _topicChannel[topicStart[c] + t] = c;
                _topicQuery[topicStart[c] + t] = channelTopics[c][t];
                _singleByTopic[topicStart[c] + t] = singleTopics[channelTopics[c][t]];
            }
        }

        _owedStart = new int[queries.Length + 1];
        for (var q = 0; q < queries.Length; q++)
        {
            _owedStart[q + 1] = _owedStart[q] + owedTo[q].Length;
        }

        _owedFlat = [.. owedTo.SelectMany(o => o.Select(entry => topicStart[(int)(entry >> 32)] + (int)entry))];
    }

    /// <summary>How many distinct queries the index holds.</summary>
    public int QueryCount => _queries.Length;

    /// <summary>How many of them lack anchors and are checked against every paper.</summary>
    public int UnanchoredCount => _postings.Unanchored.Length;

    /// <summary>
    /// Compiles <paramref name="subscriptions"/>. A stored query that no longer parses is reported to
    /// <paramref name="invalid"/> and left out; repeated query texts within a channel count once. Queries with
    /// <c>about:"..."</c> are left out too: they need vectors, and <see cref="AboutMatcher"/> matches them.
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
                    result = !TopicQuery.TryParse(subscription.Query, out var query, out var error) ? (-1, (QueryError?)error)
                        : query.HasAbout ? (-1, (QueryError?)null) // matched by meaning (AboutMatcher): the index has no vectors
                        : (IdOf(query, ids, queries, owedTo), (QueryError?)null);
                    parsed[subscription.Query] = result;
                }

                if (result.Error is not null)
                {
                    invalid?.Invoke(subscription, result.Error);
                }
                else if (result.Id >= 0 && !topics.Contains(result.Id))
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
        var matches = new List<ChannelMatch>(Math.Max(16, Volatile.Read(ref _lastMatchCount) + 1024));
        var scan = new PaperScan(_program.Vocabulary);

        // Candidate queries and owed topics as bit sets: reading them word by word gives ids in ascending order
        // without sorting.
        var candidates = new ulong[(_queries.Length + 63) >> 6];
        var owed = new ulong[(_topicQuery.Length + 63) >> 6];
        var memo = new sbyte[_program.TermCount];
        var stack = new bool[Math.Max(1, _program.MaxStack)];
        var several = new List<string>();
        for (var p = 0; p < papers.Count; p++)
        {
            var paper = papers[p];
            scan.Load(paper);
            _program.Prime(scan, memo);
            MarkCandidates(scan, candidates);

            // In id order the program is read front to back, which the memory prefetcher rewards.
            for (var w = 0; w < candidates.Length; w++)
            {
                var bits = candidates[w];
                if (bits == 0)
                {
                    continue;
                }

                candidates[w] = 0;
                do
                {
                    var candidate = (w << 6) | BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (_program.Run(candidate, scan, memo, stack))
                    {
                        for (var i = _owedStart[candidate]; i < _owedStart[candidate + 1]; i++)
                        {
                            var topic = _owedFlat[i];
                            owed[topic >> 6] |= 1UL << topic;
                        }
                    }
                }
                while (bits != 0);
            }

            AddChannelMatches(paper, owed, several, matches);
        }

        Volatile.Write(ref _lastMatchCount, matches.Count);
        return matches;
    }

    private void MarkCandidates(PaperScan paper, ulong[] candidates)
    {
        foreach (var stem in paper.Stems)
        {
            if (_stemPostings[stem] is { } ids)
            {
                Mark(ids, candidates);
            }
        }

        foreach (var name in paper.Names)
        {
            if (_namePostings[name] is { } ids)
            {
                Mark(ids, candidates);
            }
        }

        var floors = _postings.Floors;
        var floorQueries = _postings.FloorQueries;
        for (var i = 0; i < floors.Length && floors[i] <= paper.Upvotes; i++)
        {
            candidates[floorQueries[i] >> 6] |= 1UL << floorQueries[i];
        }

        Mark(_postings.Unanchored, candidates);
    }

    private static void Mark(int[] ids, ulong[] bits)
    {
        foreach (var id in ids)
        {
            bits[id >> 6] |= 1UL << id;
        }
    }

    private void AddChannelMatches(Paper paper, ulong[] owed, List<string> several, List<ChannelMatch> matches)
    {
        // A post's topics are consecutive numbers of one channel, though maybe spread over two words.
        var channel = -1;
        var first = -1;
        several.Clear();
        for (var w = 0; w < owed.Length; w++)
        {
            var bits = owed[w];
            if (bits == 0)
            {
                continue;
            }

            owed[w] = 0;
            do
            {
                var topic = (w << 6) | BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (_topicChannel[topic] != channel)
                {
                    if (channel >= 0)
                    {
                        AddChannelMatch(paper, channel, first, several, matches);
                    }

                    channel = _topicChannel[topic];
                    first = topic;
                }
                else
                {
                    if (several.Count == 0)
                    {
                        several.Add(_queries[_topicQuery[first]].Text);
                    }

                    several.Add(_queries[_topicQuery[topic]].Text);
                }
            }
            while (bits != 0);
        }

        if (channel >= 0)
        {
            AddChannelMatch(paper, channel, first, several, matches);
        }
    }

    private void AddChannelMatch(Paper paper, int channel, int first, List<string> several, List<ChannelMatch> matches)
    {
        IReadOnlyList<string> named;
        if (several.Count == 0)
        {
            named = _singleByTopic[first];
        }
        else
        {
            named = Array.AsReadOnly(several.ToArray());
            several.Clear();
        }

        matches.Add(new ChannelMatch(_channels[channel], paper, named));
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
