using Microsoft.Extensions.Options;
using PaperBot.Core.Polling;
using PaperBot.Core.Telemetry;
using PaperBot.HuggingFace;

namespace PaperBot.Workers;

/// <summary>
/// Polls the listing at start and then every <c>HuggingFace:PollInterval</c>, and in between whenever the operator
/// page asks (<see cref="PollRequests"/>); a poll asked for does not move the schedule. It only records and
/// enqueues; the <see cref="DeliveryWorker"/> sends.
/// </summary>
public sealed class PollerWorker(
    ListingPoller poller,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    ILogger<PollerWorker> logger,
    PollRequests? requests = null,
    PaperBotMetrics? metrics = null) : BackgroundService
{
    private readonly PollRequests _requests = requests ?? new PollRequests();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        logger.LogInformation("Polling the Daily Papers listing every {Interval}", interval);
        using var timer = new PeriodicTimer(interval, time);
        var next = time.GetUtcNow() + interval;
        _requests.NextPollAt = next;
        await RunOnceAsync(stoppingToken).ConfigureAwait(false);

        // The timer's tick is awaited across manual polls, never asked for twice at once.
        Task<bool>? tick = null;
        Task<bool>? asked = null;
        while (true)
        {
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            asked ??= _requests.WaitAsync(stoppingToken).AsTask();
            await Task.WhenAny(tick, asked).ConfigureAwait(false);
            if (asked.IsCompleted)
            {
                asked = null;
            }

            if (tick.IsCompleted)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                tick = null;
                next += interval;
                _requests.NextPollAt = next;
            }

            stoppingToken.ThrowIfCancellationRequested();
            var waiting = _requests.TakeAll();
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            waiting.ForEach(w => w.TrySetResult());
        }
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
            metrics?.Poll(MetricLabels.PollError);
            logger.LogError(ex, "Poll failed; will try again at the next interval");
        }
    }
}
