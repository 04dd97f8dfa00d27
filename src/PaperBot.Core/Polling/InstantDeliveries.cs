using PaperBot.Core.Channels;
using Microsoft.Extensions.Options;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Polling;

/// <summary>
/// Which instant posts a poll owes: each fresh paper matching a subscription with no upvote threshold, and
/// each paper listed in the last <see cref="SubscriptionOptions.ThresholdWindowDays"/> days that matches a
/// subscription and has reached its threshold (upvotes keep growing, so such a paper may qualify late).
/// One delivery per (channel, paper) naming every topic it matched. No channel gets more than
/// <see cref="DeliveryOptions.CatchUpLimit"/> posts from one poll: the most upvoted are posted, the rest are
/// listed in one summary message.
/// </summary>
public sealed class InstantDeliveries(SubscriptionMatcher matcher, IDeliveryStore deliveries, IOptions<DeliveryOptions> options)
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

        var owed = matches
            .GroupBy(m => Delivery.IdFor(m.Channel, m.Paper.ArxivId))
            .Where(g => deliveries.FindDelivery(g.Key) is null)
            .Select(g => (Paper: g.First().Paper, Delivery: Delivery.New(g.First().Channel, g.First().Paper.ArxivId, g.SelectMany(m => m.Topics).Distinct().ToList(), now)))
            .ToList();
        return owed.GroupBy(o => o.Delivery.Channel).SelectMany(g => Limit(g.ToList(), now)).ToList();
    }

    private IEnumerable<Delivery> Limit(List<(Paper Paper, Delivery Delivery)> owed, DateTimeOffset now)
    {
        var limit = options.Value.CatchUpLimit;
        if (owed.Count <= limit)
        {
            return owed.Select(o => o.Delivery);
        }

        var ranked = owed.OrderByDescending(o => o.Paper.Upvotes).ThenBy(o => o.Paper.ArxivId, StringComparer.Ordinal).ToList();
        var rest = ranked.Skip(limit).ToList();
        var summary = Delivery.Summary(rest[0].Delivery.Channel, rest.Select(o => o.Paper.ArxivId).ToList(),
            rest.SelectMany(o => o.Delivery.Topics).Distinct().ToList(), now);

        // The summarised papers keep a record per channel, so none of them is posted on its own later.
        return ranked.Take(limit).Select(o => o.Delivery)
            .Concat(rest.Select(o => o.Delivery with { State = DeliveryState.Summarized }))
            .Append(summary);
    }
}
