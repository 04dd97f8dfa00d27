using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Channels;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Polling;

/// <summary>
/// The about: posts a poll could not make because a new paper had no vector yet (the model failed or was busy):
/// when the paper's vector is computed later (by the background embedder, or a command), it is matched against
/// the instant about: subscriptions made before it was first seen, and owed posts are queued in the outbox, before
/// the vector is stored. A delivery is unique per channel and paper, so a paper the poll or a keyword topic already
/// queued for a channel is not queued again.
/// </summary>
public sealed partial class LateAboutDeliveries(
    AboutMatcher about,
    IChannelStore channels,
    IPaperStore papers,
    IDeliveryStore deliveries,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<LateAboutDeliveries> logger) : IPaperVectorsListener
{
    // A poll's catch-up after downtime reaches a week back: a paper first seen before that is not news any more.
    private static readonly TimeSpan Reach = TimeSpan.FromDays(EarlierDays.MaxCatchUpDays + 1);

    public async Task OnComputedAsync(PaperVectors vectors, IReadOnlyList<Paper> computed, IReadOnlyList<PaperEmbedding> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(embeddings);
        var now = time.GetUtcNow();
        var since = now - Reach;

        // The backfill of old papers passes here in rounds of a few dozen: most rounds end at this cheap check.
        var oldestDay = DateOnly.FromDateTime(since.UtcDateTime).AddDays(-EarlierDays.MaxCatchUpDays);
        var recent = computed.Where(p => p.ListedOn >= oldestDay).ToList();
        if (recent.Count == 0)
        {
            return;
        }

        var subscriptions = about.AboutSubscriptions(InstantDeliveries.Instant(channels.ActiveSubscriptions()));
        if (subscriptions.Count == 0)
        {
            return;
        }

        // Only stored papers: a poll embedding the papers it is about to record matches them itself.
        var stored = papers.FindKnown(recent.Select(p => p.ArxivId));
        recent = [.. recent.Where(p => stored.Contains(p.ArxivId))];
        var seenAfter = FirstSeenAfter(recent, subscriptions, since, now);
        var computedVectors = embeddings.ToDictionary(e => e.ArxivId, e => e.Vector, StringComparer.Ordinal);
        var windowStart = (papers.LatestListedDay() ?? DateOnly.FromDateTime(now.UtcDateTime)).AddDays(-SubscriptionOptions.ThresholdWindowDays);
        var rules = subscriptions.GroupBy(s => (s.Channel, s.Query)).ToDictionary(g => g.Key, g => g.First());
        var owed = new List<(Paper Paper, Delivery Delivery)>();
        foreach (var match in await about.MatchAsync(recent, computedVectors, subscriptions, vectors, cancellationToken).ConfigureAwait(false))
        {
            var paper = match.Paper;
            var topics = match.Topics.Where(topic => rules.GetValueOrDefault((match.Channel, topic)) is { } subscription && (subscription.Options.MinUpvotes is { } n
                ? paper.Upvotes >= n && paper.ListedOn >= windowStart
                : seenAfter.TryGetValue(paper.ArxivId, out var after) && after >= Clamp(subscription.CreatedAt, since))).ToList();
            if (topics.Count > 0 && deliveries.FindDelivery(Delivery.IdFor(match.Channel, paper.ArxivId)) is null)
            {
                owed.Add((paper, Delivery.New(match.Channel, paper.ArxivId, topics, now)));
            }
        }

        var queued = owed.GroupBy(o => o.Delivery.Channel)
            .SelectMany(g => InstantDeliveries.Limit([.. g], options.Value.CatchUpLimit, now)).ToList();
        if (queued.Count > 0 && deliveries.Enqueue(queued) is var added and > 0)
        {
            LogQueued(added, recent.Count);
            signal.Request();
        }
    }

    /// <summary>
    /// For each paper first seen since <paramref name="since"/>, the latest subscription start before it was first seen
    /// (a subscription posts only papers first seen after it was made). The store is asked once per distinct start.
    /// </summary>
    private Dictionary<string, DateTimeOffset> FirstSeenAfter(List<Paper> recent, IReadOnlyList<Subscription> subscriptions, DateTimeOffset since, DateTimeOffset now)
    {
        var ids = recent.Select(p => p.ArxivId).ToHashSet(StringComparer.Ordinal);
        var starts = subscriptions.Select(s => Clamp(s.CreatedAt, since)).Where(s => s < now).Distinct().Order().ToList();
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Count && ids.Count > found.Count; i++)
        {
            var until = i + 1 < starts.Count ? starts[i + 1] : DateTimeOffset.MaxValue;
            foreach (var paper in papers.FirstSeenBetween(starts[i], until))
            {
                if (ids.Contains(paper.ArxivId))
                {
                    found[paper.ArxivId] = starts[i];
                }
            }
        }

        return found;
    }

    private static DateTimeOffset Clamp(DateTimeOffset createdAt, DateTimeOffset since) => createdAt < since ? since : createdAt;

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} posts for about: subscriptions, matched once {Papers} new papers had their vectors")]
    private partial void LogQueued(int count, int papers);
}
