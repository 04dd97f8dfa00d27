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
    /// <param name="byMeaning">The papers' matches with about: subscriptions (<see cref="AboutMatcher"/>), merged in so that
    /// a paper matched by a keyword topic and an about: topic of one channel is still one post naming both.</param>
    public IReadOnlyList<Delivery> For(
        IReadOnlyList<Paper> fresh, IReadOnlyList<Paper> listed, IReadOnlyList<Subscription> subscriptions, DateOnly today, DateTimeOffset now,
        IReadOnlyList<ChannelMatch>? byMeaning = null)
    {
        var instant = Instant(subscriptions);
        if (instant.Count == 0)
        {
            return [];
        }

        var windowStart = today.AddDays(-SubscriptionOptions.ThresholdWindowDays);
        var freshIds = fresh.Select(p => p.ArxivId).ToHashSet(StringComparer.Ordinal);
        var candidates = Candidates(fresh, listed, instant, today);

        // One match over the whole subscription list (which rarely changes, so the matcher's compiled index is
        // reused poll after poll); then each topic keeps the paper only if its own subscription's rule allows it.
        var rules = instant.GroupBy(s => (s.Channel, s.Query)).ToDictionary(g => g.Key, g => g.Select(s => s.Options.MinUpvotes).ToList());
        var owed = new List<(Paper Paper, Delivery Delivery)>();
        foreach (var match in Merge(matcher.Match(candidates, instant), byMeaning ?? []))
        {
            var paper = match.Paper;
            // A stored query whose normalised form changed since it was saved has no rule under the new text:
            // it is treated as a subscription without a threshold.
            var topics = match.Topics.Where(topic => (rules.GetValueOrDefault((match.Channel, topic)) ?? [null]).Any(minimum => minimum is { } n
                ? paper.Upvotes >= n && paper.ListedOn >= windowStart
                : freshIds.Contains(paper.ArxivId))).ToList();
            if (topics.Count > 0 && deliveries.FindDelivery(Delivery.IdFor(match.Channel, paper.ArxivId)) is null)
            {
                owed.Add((paper, Delivery.New(match.Channel, paper.ArxivId, topics, now)));
            }
        }

        return owed.GroupBy(o => o.Delivery.Channel).SelectMany(g => Limit(g.ToList(), options.Value.CatchUpLimit, now)).ToList();
    }

    /// <summary>The subscriptions that post instantly.</summary>
    public static List<Subscription> Instant(IReadOnlyList<Subscription> subscriptions) =>
        [.. subscriptions.Where(s => s.Options.Mode == SubscriptionMode.Instant)];

    /// <summary>The papers a poll matches: the fresh ones, and while any subscription has an upvote threshold, those inside its window.</summary>
    public static List<Paper> Candidates(IReadOnlyList<Paper> fresh, IReadOnlyList<Paper> listed, IReadOnlyList<Subscription> instant, DateOnly today)
    {
        var windowStart = today.AddDays(-SubscriptionOptions.ThresholdWindowDays);
        var freshIds = fresh.Select(p => p.ArxivId).ToHashSet(StringComparer.Ordinal);
        var thresholds = instant.Any(s => s.Options.MinUpvotes is not null);
        return [.. listed.Where(p => freshIds.Contains(p.ArxivId) || (thresholds && p.ListedOn >= windowStart))];
    }

    // Keyword matches come first (in the index's order); an about: match of the same channel and paper adds its topics.
    private static IEnumerable<ChannelMatch> Merge(IReadOnlyList<ChannelMatch> byWords, IReadOnlyList<ChannelMatch> byMeaning)
    {
        if (byMeaning.Count == 0)
        {
            return byWords;
        }

        var merged = new List<ChannelMatch>(byWords.Count + byMeaning.Count);
        var at = new Dictionary<(ChannelRef, string), int>();
        foreach (var match in byWords.Concat(byMeaning))
        {
            if (at.TryGetValue((match.Channel, match.Paper.ArxivId), out var i))
            {
                merged[i] = merged[i] with { Topics = [.. merged[i].Topics.Union(match.Topics, StringComparer.Ordinal)] };
            }
            else
            {
                at[(match.Channel, match.Paper.ArxivId)] = merged.Count;
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>At most <paramref name="limit"/> posts for one channel: the most upvoted; the rest in one summary message.</summary>
    internal static IEnumerable<Delivery> Limit(List<(Paper Paper, Delivery Delivery)> owed, int limit, DateTimeOffset now)
    {
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
