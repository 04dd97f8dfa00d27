using PaperBot.Core.Channels;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Benchmarks;

/// <summary>The baseline: every query of every channel evaluated against every paper, as before the index.</summary>
internal sealed class NaiveMatcher
{
    private readonly List<(ChannelRef Channel, List<TopicQuery> Queries)> _channels;

    public NaiveMatcher(IReadOnlyList<Subscription> subscriptions)
    {
        _channels = [.. subscriptions.GroupBy(s => s.Channel).Select(group => (group.Key,
            group.Select(s => TopicQuery.TryParse(s.Query, out var query, out _) ? query : null)
                .OfType<TopicQuery>().DistinctBy(q => q.Text).ToList()))];
    }

    public List<ChannelMatch> Match(IReadOnlyList<Paper> papers)
    {
        var matches = new List<ChannelMatch>();
        foreach (var paper in papers)
        {
            var text = PaperText.From(paper);
            foreach (var (channel, queries) in _channels)
            {
                List<string>? topics = null;
                foreach (var query in queries)
                {
                    if (query.Matches(text))
                    {
                        (topics ??= []).Add(query.Text);
                    }
                }

                if (topics is not null)
                {
                    matches.Add(new ChannelMatch(channel, paper, topics));
                }
            }
        }

        return matches;
    }
}
