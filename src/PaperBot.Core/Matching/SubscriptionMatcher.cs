using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Matching;

/// <summary>
/// Matches new papers against subscriptions and says which channel gets which paper, once per channel
/// even when several of the channel's topics match (the post names all of them). The subscriptions are
/// compiled into a <see cref="SubscriptionIndex"/>, kept until the list of subscriptions changes.
/// </summary>
public sealed class SubscriptionMatcher(ILogger<SubscriptionMatcher> logger)
{
    // Polls are serial today, but the matcher is a singleton: the cache is swapped whole, never mutated.
    private CompiledSubscriptions? _compiled;

    public IReadOnlyList<ChannelMatch> Match(IReadOnlyList<Paper> papers, IReadOnlyList<Subscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(subscriptions);
        return IndexFor(subscriptions).Match(papers);
    }

    private SubscriptionIndex IndexFor(IReadOnlyList<Subscription> subscriptions)
    {
        var cached = Volatile.Read(ref _compiled);
        if (cached is not null && cached.Subscriptions.SequenceEqual(subscriptions))
        {
            return cached.Index;
        }

        // Stored queries were valid when saved; one that no longer parses (say, after a language change) is
        // skipped and reported rather than stopping every other channel's posts. It is reported once per
        // change of the subscription list, not at every poll.
        var index = SubscriptionIndex.Build(subscriptions, (subscription, error) =>
            logger.LogError("Subscription {SubscriptionId} of {Channel} no longer parses ({Error}); skipping it",
                subscription.Id, subscription.Channel.Key, error.ToString()));
        Volatile.Write(ref _compiled, new CompiledSubscriptions([.. subscriptions], index));
        return index;
    }

    private sealed record CompiledSubscriptions(Subscription[] Subscriptions, SubscriptionIndex Index);
}
