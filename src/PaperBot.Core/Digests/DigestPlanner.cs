using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Digests;

/// <summary>
/// Turns digest subscriptions into one delivery a day: at each subscription's local digest time, the papers
/// first seen since its last digest that match (and reach its upvote threshold), ranked by upvotes. A day
/// with no match posts nothing. After downtime, the next digest covers everything since the last one.
/// </summary>
public sealed class DigestPlanner(IChannelStore channels, IPaperStore papers, TimeProvider time, ILogger<DigestPlanner> logger)
{
    /// <summary>Enqueues every digest that has come due; returns how many.</summary>
    public int EnqueueDue()
    {
        var now = time.GetUtcNow();
        var enqueued = 0;
        foreach (var subscription in channels.ActiveSubscriptions().Where(s => s.Options.Mode == SubscriptionMode.Digest))
        {
            if (Plan(subscription, now))
            {
                enqueued++;
            }
        }

        return enqueued;
    }

    private bool Plan(Subscription subscription, DateTimeOffset now)
    {
        if (!DigestSchedule.TryFindZone(subscription.Options.TimeZone, out var zone))
        {
            logger.LogWarning("Subscription {SubscriptionId} of {Channel} names time zone {TimeZone}, which this machine does not know; using UTC",
                subscription.Id, subscription.Channel.Key, subscription.Options.TimeZone);
        }

        var (day, due) = DigestSchedule.LatestDue(now, subscription.Options.DigestAt, zone);
        var coveredUntil = subscription.DigestCoveredUntil ?? subscription.CreatedAt;
        if (due <= coveredUntil || !TopicQuery.TryParse(subscription.Query, out var query, out _))
        {
            return false;
        }

        var minimum = subscription.Options.MinUpvotes ?? 0;
        var matches = papers.FirstSeenBetween(coveredUntil, due)
            .Where(p => p.Upvotes >= minimum && query.Matches(p))
            .OrderByDescending(p => p.Upvotes)
            .ThenBy(p => p.ArxivId, StringComparer.Ordinal)
            .Select(p => p.ArxivId)
            .ToList();
        var digest = matches.Count == 0 ? null : Delivery.Digest(subscription, day, matches, Heading(subscription, day, matches.Count), now);
        channels.RecordDigest(subscription.Id, due, digest);
        logger.LogInformation("Digest of subscription {SubscriptionId} for {Day}: {Count} papers", subscription.Id, day, matches.Count);
        return digest is not null;
    }

    private static string Heading(Subscription subscription, DateOnly day, int count) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Daily digest for {subscription.Query}, {day:ddd, MMM d}: {count} new paper{(count == 1 ? "" : "s")}");
}
