using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Matching;

/// <summary>
/// Matches new papers against subscriptions and says which channel gets which paper, once per channel
/// even when several of the channel's topics match (the post names all of them).
/// </summary>
public sealed class SubscriptionMatcher(ILogger<SubscriptionMatcher> logger)
{
    public IReadOnlyList<ChannelMatch> Match(IReadOnlyList<Paper> papers, IReadOnlyList<Subscription> subscriptions)
    {
        var compiled = Compile(subscriptions);
        var matches = new List<ChannelMatch>();
        foreach (var paper in papers)
        {
            var text = PaperText.From(paper);
            foreach (var channel in compiled)
            {
                var topics = channel.Queries.Where(q => q.Matches(text)).Select(q => q.Text).ToList();
                if (topics.Count > 0)
                {
                    matches.Add(new ChannelMatch(channel.Channel, paper, topics));
                }
            }
        }

        return matches;
    }

    private List<CompiledChannel> Compile(IReadOnlyList<Subscription> subscriptions)
    {
        var channels = new List<CompiledChannel>();
        foreach (var group in subscriptions.GroupBy(s => s.Channel))
        {
            var queries = new List<TopicQuery>();
            foreach (var subscription in group)
            {
                // Stored queries were valid when saved; one that no longer parses (say, after a language
                // change) is skipped and reported rather than stopping every other channel's posts.
                if (TopicQuery.TryParse(subscription.Query, out var query, out var error))
                {
                    queries.Add(query);
                }
                else
                {
                    logger.LogError("Subscription {SubscriptionId} of {Channel} no longer parses ({Error}); skipping it",
                        subscription.Id, subscription.Channel.Key, error.ToString());
                }
            }

            channels.Add(new CompiledChannel(group.Key, queries.DistinctBy(q => q.Text).ToList()));
        }

        return channels;
    }

    private sealed record CompiledChannel(ChannelRef Channel, IReadOnlyList<TopicQuery> Queries);
}
