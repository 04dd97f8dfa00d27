using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Digests;

/// <summary>
/// Turns digest subscriptions into one delivery a day: at each subscription's local digest time, the papers
/// first seen since its last digest that match (and reach its upvote threshold), ranked by upvotes. A day
/// with no match posts nothing. After downtime, the next digest covers everything since the last one. An about:
/// subscription's papers are matched by meaning; those without a vector yet are embedded first, so none is missed.
/// </summary>
public sealed class DigestPlanner(IChannelStore channels, IPaperStore papers, TimeProvider time, ILogger<DigestPlanner> logger, PaperVectors? vectors = null)
{
    /// <summary>Enqueues every digest that has come due; returns how many.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var enqueued = 0;
        foreach (var subscription in channels.ActiveSubscriptions().Where(s => s.Options.Mode == SubscriptionMode.Digest))
        {
            try
            {
                if (await PlanAsync(subscription, now, cancellationToken).ConfigureAwait(false))
                {
                    enqueued++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Say, the sentence model failed: the digest is not recorded, so the next check covers the same papers,
                // and the other subscriptions' digests still go out.
                logger.LogError(ex, "Digest of subscription {SubscriptionId} of {Channel} could not be planned; trying again at the next check",
                    subscription.Id, subscription.Channel.Key);
            }
        }

        return enqueued;
    }

    private async Task<bool> PlanAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
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

        if (query.HasAbout && vectors is null)
        {
            // Left uncovered: once PaperBot runs with its sentence model again, the digest covers these papers too.
            logger.LogWarning("Subscription {SubscriptionId} of {Channel} matches by meaning (about:), but this PaperBot runs without the sentence model; no digest",
                subscription.Id, subscription.Channel.Key);
            return false;
        }

        var minimum = subscription.Options.MinUpvotes ?? 0;
        var candidates = papers.FirstSeenBetween(coveredUntil, due).Where(p => p.Upvotes >= minimum).ToList();
        var matches = (await AboutFilter.WhereAsync(query, candidates, vectors, cancellationToken).ConfigureAwait(false))
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
