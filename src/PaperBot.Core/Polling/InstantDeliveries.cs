using PaperBot.Core.Channels;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Polling;

/// <summary>
/// Which instant posts a poll owes: each fresh paper matching a subscription with no upvote threshold, and
/// each paper listed in the last <see cref="SubscriptionOptions.ThresholdWindowDays"/> days that matches a
/// subscription and has reached its threshold (upvotes keep growing, so such a paper may qualify late).
/// One delivery per (channel, paper) naming every topic it matched; the store ignores ones already owed.
/// </summary>
public sealed class InstantDeliveries(SubscriptionMatcher matcher)
{
    public IReadOnlyList<Delivery> For(
        IReadOnlyList<Paper> fresh, IReadOnlyList<Paper> listed, IReadOnlyList<Subscription> subscriptions, DateOnly today, DateTimeOffset now)
    {
        var instant = subscriptions.Where(s => s.Options.Mode == SubscriptionMode.Instant).ToList();
        var matches = matcher.Match(fresh, instant.Where(s => s.Options.MinUpvotes is null).ToList()).ToList();

        var windowStart = today.AddDays(-SubscriptionOptions.ThresholdWindowDays);
        var recent = listed.Where(p => p.ListedOn >= windowStart).ToList();
        foreach (var group in instant.Where(s => s.Options.MinUpvotes is not null).GroupBy(s => s.Options.MinUpvotes!.Value))
        {
            var eligible = recent.Where(p => p.Upvotes >= group.Key).ToList();
            if (eligible.Count > 0)
            {
                matches.AddRange(matcher.Match(eligible, group.ToList()));
            }
        }

        return matches
            .GroupBy(m => Delivery.IdFor(m.Channel, m.Paper.ArxivId))
            .Select(g => Delivery.New(g.First().Channel, g.First().Paper.ArxivId, g.SelectMany(m => m.Topics).Distinct().ToList(), now))
            .ToList();
    }
}
