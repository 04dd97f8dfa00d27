using PaperBot.Core.Outbox;
using PaperBot.Core.Replicas;
using PaperBot.Core.Search;

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

    private void Apply(ReplicaBeat beat)
    {
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

        if (beat.OutboxWaiting)
        {
            signal.Request();
        }

        if (beat.ChangedPapers.Count > 0)
        {
            index.Refresh(beat.ChangedPapers);
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

    [LoggerMessage(LogLevel.Warning, "Replica heartbeat failed ({Reason}); trying again at the next beat")]
    private static partial void LogBeatFailed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Replica {ReplicaId} left: its leases are free for the other replicas")]
    private static partial void LogLeft(ILogger logger, string replicaId);

    [LoggerMessage(LogLevel.Warning, "Could not give up this replica's leases at stop ({Reason}); they expire on their own")]
    private static partial void LogLeaveFailed(ILogger logger, string reason);
}
