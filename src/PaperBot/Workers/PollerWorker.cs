using Microsoft.Extensions.Options;
using PaperBot.Core.Polling;
using PaperBot.Core.Replicas;
using PaperBot.Core.Telemetry;
using PaperBot.HuggingFace;

namespace PaperBot.Workers;

/// <summary>
/// Polls the listing at start and then every <c>HuggingFace:PollInterval</c>, and in between whenever the operator
/// page asks (<see cref="PollRequests"/>); a poll asked for does not move the schedule. It only records and
/// enqueues; the <see cref="DeliveryWorker"/> sends. Among replicas on one database, only the leader polls.
/// </summary>
public sealed class PollerWorker(
    ListingPoller poller,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    ILogger<PollerWorker> logger,
    PollRequests? requests = null,
    PaperBotMetrics? metrics = null,
    Leadership? leadership = null) : BackgroundService
{
    private readonly PollRequests _requests = requests ?? new PollRequests();

    // Among replicas only the leader polls; a replica that becomes leader polls at once, then on its own schedule.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        (leadership ?? new Leadership(shared: false)).RunWhileLeadingAsync(PollWhileLeadingAsync, stoppingToken);

    private async Task PollWhileLeadingAsync(CancellationToken stoppingToken)
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
