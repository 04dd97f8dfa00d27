using PaperBot.Core.Digests;
using PaperBot.Core.Outbox;
using PaperBot.Core.Replicas;

namespace PaperBot.Workers;

/// <summary>Checks once a minute for digests that have come due and hands them to the delivery worker.</summary>
public sealed class DigestWorker(
    DigestPlanner planner, DeliverySignal signal, TimeProvider time, ILogger<DigestWorker> logger, Leadership? leadership = null) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    // Among replicas only the leader plans digests.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        (leadership ?? new Leadership(shared: false)).RunWhileLeadingAsync(PlanWhileLeadingAsync, stoppingToken);

    private async Task PlanWhileLeadingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        do
        {
            try
            {
                if (await planner.EnqueueDueAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                    signal.Request();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Planning digests failed; will try again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
