using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Matching;

/// <summary>The answer without an index: every channel's distinct valid queries evaluated on every paper.</summary>
internal static class NaiveMatch
{
    public static List<string> Describe(IReadOnlyList<Paper> papers, IReadOnlyList<Subscription> subscriptions)
    {
        var channels = subscriptions.GroupBy(s => s.Channel)
            .Select(g => (g.Key, Queries: g.Select(s => TopicQuery.TryParse(s.Query, out var q, out _) ? q : null)
                .OfType<TopicQuery>().DistinctBy(q => q.Text).ToList()))
            .ToList();
        var lines = new List<string>();
        foreach (var paper in papers)
        {
            var text = PaperText.From(paper);
            foreach (var (channel, queries) in channels)
            {
                var topics = queries.Where(q => q.Matches(text)).Select(q => q.Text).ToList();
                if (topics.Count > 0)
                {
                    lines.Add($"{channel.Key} {paper.ArxivId} [{string.Join(" | ", topics)}]");
                }
            }
        }

        return lines;
    }

    public static List<string> Describe(IEnumerable<Core.Matching.ChannelMatch> matches) =>
        [.. matches.Select(m => $"{m.Channel.Key} {m.Paper.ArxivId} [{string.Join(" | ", m.Topics)}]")];
}
