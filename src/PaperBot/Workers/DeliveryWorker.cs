using PaperBot.Core.Outbox;

namespace PaperBot.Workers;

/// <summary>
/// Sends pending deliveries whenever something is enqueued, and at least every minute so that transient
/// failures are retried and deliveries left pending by a previous run go out after a restart.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryDispatcher dispatcher,
    DeliverySignal signal,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(1);

    /// <summary>Raised when a round is done and the retry timer is set: tests move a fake clock only then.</summary>
    internal event Action? Idle;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DeliverPendingAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Delivering papers failed; pending deliveries are kept and retried");
            }

            var wait = signal.WaitAsync(RetryInterval, time, stoppingToken);
            Idle?.Invoke();
            await wait.ConfigureAwait(false);
        }
    }
}
