using PaperBot.Core.Replicas;
using PaperBot.Core.Storage;

namespace PaperBot.Workers;

/// <summary>
/// Forgets inbound platform events (Slack event ids, command triggers...) once no platform can send them again:
/// Slack retries for minutes, so a week of memory is ample and keeps the database from growing for ever.
/// </summary>
public sealed class MaintenanceWorker(
    IInboundEventLog events, TimeProvider time, ILogger<MaintenanceWorker> logger, Leadership? leadership = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public static readonly TimeSpan KeepEvents = TimeSpan.FromDays(7);

    /// <summary>Forgets events older than <see cref="KeepEvents"/>; returns how many.</summary>
    internal int PruneOnce()
    {
        var forgotten = events.Prune(time.GetUtcNow() - KeepEvents);
        if (forgotten > 0)
        {
            logger.LogInformation("Forgot {Count} inbound platform events older than {Days} days", forgotten, KeepEvents.TotalDays);
        }

        return forgotten;
    }

    // Among replicas only the leader prunes.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        (leadership ?? new Leadership(shared: false)).RunWhileLeadingAsync(PruneWhileLeadingAsync, stoppingToken);

    private async Task PruneWhileLeadingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                PruneOnce();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Pruning old inbound events failed; will try again later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
