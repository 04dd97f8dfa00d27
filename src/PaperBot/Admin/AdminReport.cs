using PaperBot.Core.Listing;
using PaperBot.Core.Outbox;
using PaperBot.Core.Publishing;
using PaperBot.Core.Replicas;
using PaperBot.Core.Storage;
using PaperBot.Semantic;
using PaperBot.Workers;

namespace PaperBot.Admin;

/// <summary>Reads the <see cref="AdminSnapshot"/>: listing health, platform states, channels, the outbox and the embedding backfill.</summary>
internal sealed class AdminReport(
    ListingHealth listing,
    IPollStore polls,
    IPaperStore papers,
    IOperatorStore store,
    DeliveryDispatcher dispatcher,
    IEnumerable<IChannelPublisher> publishers,
    IEnumerable<IPlatformHealth> connections,
    PollRequests pollRequests,
    TimeProvider time,
    EmbeddingProgress? embeddings = null,
    IReplicaCoordinator? replicas = null)
{
    public const int ListLimit = 50;

    public AdminSnapshot Read()
    {
        var unavailable = dispatcher.UnavailablePlatforms;
        var platforms = publishers.Select(p => p.Platform).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(name => unavailable.TryGetValue(name, out var reason)
                ? new PlatformState(name, false, $"cannot post: {reason}")
                : new PlatformState(name, true, "posting"))
            .Concat(connections.Select(c => (c.Name, Report: c.Report())).Select(c => new PlatformState(c.Name, c.Report.Healthy, c.Report.Description)))
            .ToList();

        return new AdminSnapshot(
            time.GetUtcNow(),
            listing.Current,
            polls.GetPollState().LastListedDay,
            pollRequests.NextPollAt,
            papers.Count(),
            platforms,
            store.AllChannels(),
            store.AllSubscriptions().ToLookup(s => s.Channel.Key, StringComparer.Ordinal),
            store.CountOutbox(),
            store.DeliveriesIn(DeliveryState.InFlight, ListLimit),
            store.DeliveriesIn(DeliveryState.Failed, ListLimit),
            store.LatestSent(20),
            embeddings?.Current,
            replicas is null ? null : new ReplicaView(replicas.Self.Id, replicas.Replicas()));
    }
}
