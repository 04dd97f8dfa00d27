using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Matching;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core.Polling;

/// <summary>
/// One poll of the listing: fetch, find the papers never seen, match them against every active
/// subscription and record papers, owed deliveries and poll state in one transaction. Sending is the
/// delivery side's job; the poller only enqueues, so a crash between the two loses nothing.
/// </summary>
public sealed class ListingPoller(
    IListingSource source,
    IPaperStore papers,
    IChannelStore channels,
    IPollStore pollStore,
    EarlierDays earlierDays,
    InstantDeliveries instant,
    DeliverySignal signal,
    ListingHealth health,
    TimeProvider time,
    ILogger<ListingPoller> logger,
    PaperBotMetrics metrics,
    PaperSearchIndex? search = null,
    AboutMatcher? about = null,
    PaperVectors? vectors = null)
{
    public async Task<PollOutcome> PollAsync(CancellationToken cancellationToken)
    {
        // While a re-read of earlier days is owed, the listing is fetched in full: a 304 would postpone it.
        var polled = pollStore.GetPollState();
        var fetch = await source.FetchAsync(null, polled.RecheckFrom is null ? polled.Validators : null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        switch (fetch)
        {
            case ListingFetch.Listed listed:
                return await RecordAsync(listed, now, cancellationToken).ConfigureAwait(false);

            case ListingFetch.NotModified:
                health.ReportHealthy(now, "listing unchanged since the last poll");
                logger.LogDebug("Listing not modified");
                metrics.Poll(MetricLabels.PollUnchanged);
                return PollOutcome.Unchanged;

            case ListingFetch.LayoutChanged changed:
                health.ReportDegraded(now, $"layout change: {changed.Reason}");
                logger.LogError("The Daily Papers listing's layout changed: {Reason}. No papers were recorded or posted; " +
                    "PaperBot keeps polling and recovers by itself if the page comes back, otherwise it needs an update", changed.Reason);
                metrics.Poll(MetricLabels.PollLayoutChanged);
                return PollOutcome.Failed;

            case ListingFetch.Unavailable unavailable:
                health.ReportDegraded(now, $"listing unreachable: {unavailable.Reason}");
                logger.LogWarning("The Daily Papers listing is unreachable: {Reason}. Will try again at the next poll", unavailable.Reason);
                metrics.Poll(MetricLabels.PollUnreachable);
                return PollOutcome.Failed;

            default:
                throw new InvalidOperationException($"Unknown listing result {fetch.GetType().Name}.");
        }
    }

    /// <summary>Known papers keep the day they first appeared, which is what an upvote threshold's window counts from.</summary>
    private List<Paper> WithFirstListedDay(List<Paper> listed, IReadOnlySet<string> known) =>
        listed.Select(p => known.Contains(p.ArxivId) && papers.Find(p.ArxivId) is { } stored && PaperDaySources.KeepsStoredDay(stored.ListedOnSource, p.ListedOnSource)
            ? p with { ListedOn = stored.ListedOn, ListedOnSource = stored.ListedOnSource }
            : p).ToList();

    /// <summary>
    /// With about: subscriptions, the new papers are embedded before they are recorded, so that they are matched by
    /// meaning in the same transaction as by words (one post per channel naming every topic). If the model fails,
    /// the poll goes on by words; <see cref="LateAboutDeliveries"/> matches the papers once their vectors exist.
    /// </summary>
    private async Task<IReadOnlyList<ChannelMatch>> MatchByMeaningAsync(
        List<Paper> fresh, List<Paper> listed, List<Subscription> subscriptions, DateOnly today, CancellationToken cancellationToken)
    {
        if (about is null || subscriptions.Count == 0)
        {
            return [];
        }

        if (vectors is null)
        {
            if (about.AboutSubscriptions(subscriptions).Count > 0)
            {
                logger.LogWarning("Some subscriptions match by meaning (about:), but this PaperBot runs without its sentence model; they post nothing");
            }

            return [];
        }

        try
        {
            var aboutSubscriptions = about.AboutSubscriptions(subscriptions);
            if (aboutSubscriptions.Count == 0)
            {
                return [];
            }

            var candidates = InstantDeliveries.Candidates(fresh, listed, aboutSubscriptions, today);
            var found = await vectors.ForPapersAsync(candidates, cancellationToken).ConfigureAwait(false);
            return await about.MatchAsync(candidates, found, aboutSubscriptions, vectors, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not match the new papers by meaning during the poll; they are posted by words now, and matched by meaning " +
                "as soon as the background embedder has their vectors");
            return [];
        }
    }

    /// <summary>
    /// The first poll posts nothing. Papers get their vectors before they are recorded when an about: subscription
    /// already exists (made before the first poll), so that they are never taken for papers a poll could not match.
    /// </summary>
    private async Task<IReadOnlyList<ChannelMatch>> EmbedFirstRunAsync(List<Paper> fresh, CancellationToken cancellationToken)
    {
        if (about is null || vectors is null || about.AboutSubscriptions(InstantDeliveries.Instant(channels.ActiveSubscriptions())).Count == 0)
        {
            return [];
        }

        try
        {
            await vectors.ForPapersAsync(fresh, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not embed the papers of the first poll; an about: subscription made before it may post some of them later");
        }

        return [];
    }

    private async Task<PollOutcome> RecordAsync(ListingFetch.Listed listed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = pollStore.GetPollState();

        // First run: everything listed is recorded as seen and nothing is posted, so installing the bot
        // into a busy server does not flood it with the whole day's papers.
        var subscriptions = state.Initialized
            ? channels.ActiveSubscriptions().Where(s => s.Options.Mode == SubscriptionMode.Instant).ToList()
            : [];
        var earlier = state.Initialized
            ? await earlierDays.FetchAsync(listed.Day, state.LastListedDay, subscriptions.Any(s => s.Options.MinUpvotes is not null), state.RecheckFrom,
                cancellationToken).ConfigureAwait(false)
            : new EarlierDays.Earlier([], true);
        var all = listed.Papers.Concat(earlier.Papers).DistinctBy(p => p.ArxivId).ToList();
        var known = papers.FindKnown(all.Select(p => p.ArxivId));
        var fresh = all.Where(p => !known.Contains(p.ArxivId)).ToList();

        var day = listed.Day ?? listed.Papers.Select(p => (DateOnly?)p.ListedOn).Max();
        var today = day ?? DateOnly.FromDateTime(now.UtcDateTime);
        var listedWithDays = WithFirstListedDay(all, known);
        var byMeaning = state.Initialized
            ? await MatchByMeaningAsync(fresh, listedWithDays, subscriptions, today, cancellationToken).ConfigureAwait(false)
            : await EmbedFirstRunAsync(fresh, cancellationToken).ConfigureAwait(false);
        var deliveries = instant.For(fresh, listedWithDays, subscriptions, today, now, byMeaning);
        pollStore.RecordPoll(all, deliveries,
            new PollState(true, now, day ?? state.LastListedDay, listed.Validators, earlier.RecheckDone ? null : state.RecheckFrom));
        search?.Refresh([.. all.Select(p => p.ArxivId)]);
        health.ReportHealthy(now, $"{listed.Papers.Count} papers listed" + (day is { } d ? $" for {d:yyyy-MM-dd}" : ""));
        metrics.Poll(MetricLabels.PollOk);
        metrics.PapersRecorded(fresh.Count);

        if (!state.Initialized)
        {
            logger.LogInformation("First poll: recorded {Count} listed papers as seen; nothing is posted for them", listed.Papers.Count);
        }
        else
        {
            logger.LogInformation("Poll: {Listed} papers listed, {New} new, {Deliveries} deliveries queued",
                listed.Papers.Count, fresh.Count, deliveries.Count);
        }

        if (deliveries.Count > 0)
        {
            signal.Request();
        }

        return new PollOutcome(true, fresh.Count, deliveries.Count);
    }
}
