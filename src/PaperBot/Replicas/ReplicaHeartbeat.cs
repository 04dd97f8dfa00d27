using PaperBot.Core.Listing;
using PaperBot.Core.Outbox;
using PaperBot.Core.Replicas;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;

namespace PaperBot.Replicas;

/// <summary>
/// Among replicas on one database: beats three times per lease duration. Each beat says this replica is alive, renews
/// its leases, elects or deposes it as the leader (the one that polls, plans digests and prunes), wakes the delivery
/// worker when deliveries wait in a channel nobody holds (a poll on another replica, a replica that died), and brings
/// the search index up to date with papers other replicas wrote. Registered before the workers, so it stops after them
/// and only then gives up its leases.
/// </summary>
internal sealed partial class ReplicaHeartbeat(
    IReplicaCoordinator coordinator,
    Leadership leadership,
    DeliverySignal signal,
    PaperSearchIndex index,
    ListingHealth listing,
    IPollStore polls,
    TimeProvider time,
    ILogger<ReplicaHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = coordinator.LeaseDuration;
        LogJoined(logger, coordinator.Self.Id, coordinator.Self.Host, lease.TotalSeconds);
        using var timer = new PeriodicTimer(lease / 3, time);
        var renewed = time.GetTimestamp();
        do
        {
            var started = time.GetTimestamp();
            try
            {
                Apply(await Task.Run(coordinator.Beat, stoppingToken).ConfigureAwait(false));
                renewed = started;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogBeatFailed(logger, ex.Message);

                // The lease was last renewed at 'renewed' (or later, on the server): stop leading before it can expire there.
                if (time.GetElapsedTime(renewed) >= lease * 2 / 3 && leadership.Leads)
                {
                    leadership.Depose();
                    LogDeposed(logger, coordinator.Self.Id);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private int _live;

    private void Apply(ReplicaBeat beat)
    {
        if (beat.LiveReplicas != _live)
        {
            _live = beat.LiveReplicas;
            LogLive(logger, coordinator.Self.Id, beat.LiveReplicas);
        }

        if (beat.Leads && !leadership.Leads)
        {
            leadership.Elect();
            LogElected(logger, coordinator.Self.Id);
        }
        else if (!beat.Leads && leadership.Leads)
        {
            leadership.Depose();
            LogDeposed(logger, coordinator.Self.Id);
        }

        // A replica that does not poll has no listing report of its own: it says who does, with the shared last poll time
        // (the console channel and /healthz wait for a first report).
        if (!beat.Leads && listing.Current.At is null)
        {
            listing.ReportHealthy(polls.GetPollState().LastSuccessAt ?? time.GetUtcNow(), "another replica polls the listing (see replicas)");
        }

        if (beat.OutboxWaiting)
        {
            signal.Request();
        }

        if (beat.ChangedPapers.Count > 0)
        {
            index.Refresh(beat.ChangedPapers);
            LogRefreshed(logger, beat.ChangedPapers.Count);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            coordinator.Leave();
            LogLeft(logger, coordinator.Self.Id);
        }
        catch (Exception ex)
        {
            // The leases then expire on their own.
            LogLeaveFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Information, "Replica {ReplicaId} on {Host} joined; leases last {Seconds} s")]
    private static partial void LogJoined(ILogger logger, string replicaId, string host, double seconds);

    [LoggerMessage(LogLevel.Information, "Replica {ReplicaId} now leads: it polls the listing, plans digests and prunes")]
    private static partial void LogElected(ILogger logger, string replicaId);

    [LoggerMessage(LogLevel.Warning, "Replica {ReplicaId} no longer leads; another replica polls the listing")]
    private static partial void LogDeposed(ILogger logger, string replicaId);

    [LoggerMessage(LogLevel.Information, "Replica {ReplicaId} sees {Count} live replicas")]
    private static partial void LogLive(ILogger logger, string replicaId, int count);

    [LoggerMessage(LogLevel.Information, "Search index brought up to date with {Count} papers written since the last heartbeat")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Replica heartbeat failed ({Reason}); trying again at the next beat")]
    private static partial void LogBeatFailed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Replica {ReplicaId} left: its leases are free for the other replicas")]
    private static partial void LogLeft(ILogger logger, string replicaId);

    [LoggerMessage(LogLevel.Warning, "Could not give up this replica's leases at stop ({Reason}); they expire on their own")]
    private static partial void LogLeaveFailed(ILogger logger, string reason);
}
