using Microsoft.Extensions.Options;
using PaperBot.Core.Polling;
using PaperBot.HuggingFace;

namespace PaperBot.Workers;

/// <summary>
/// Polls the listing at start and then every <c>HuggingFace:PollInterval</c>. It only records and enqueues;
/// the <see cref="DeliveryWorker"/> sends.
/// </summary>
public sealed class PollerWorker(
    ListingPoller poller,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    ILogger<PollerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        logger.LogInformation("Polling the Daily Papers listing every {Interval}", interval);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One poll. Never throws except on shutdown: the loop must survive.</summary>
    internal async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await poller.PollAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Poll failed; will try again at the next interval");
        }
    }
}
