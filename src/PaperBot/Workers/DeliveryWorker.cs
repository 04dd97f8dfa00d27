using PaperBot.Core.Outbox;

namespace PaperBot.Workers;

/// <summary>
/// Sends pending deliveries whenever something is enqueued, and again exactly when the earliest delivery waiting to
/// retry becomes due (its <c>NextAttemptAt</c>), so a retry goes out at the time its backoff names. A round is also run
/// at least every <see cref="RetryInterval"/>, for deliveries a previous run left pending and channels resumed since.
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
            var wait = RetryInterval;
            try
            {
                var round = await dispatcher.RunRoundAsync(stoppingToken).ConfigureAwait(false);
                wait = WaitFor(round.NextDueAt);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Delivering papers failed; pending deliveries are kept and retried");
            }

            var woken = signal.WaitAsync(wait, time, stoppingToken);
            Idle?.Invoke();
            await woken.ConfigureAwait(false);
        }
    }

    /// <summary>Until the next retry is due, never longer than <see cref="RetryInterval"/>.</summary>
    private TimeSpan WaitFor(DateTimeOffset? nextDueAt)
    {
        if (nextDueAt is not { } due)
        {
            return RetryInterval;
        }

        var until = due - time.GetUtcNow();
        return until <= TimeSpan.Zero ? TimeSpan.Zero : until < RetryInterval ? until : RetryInterval;
    }
}
