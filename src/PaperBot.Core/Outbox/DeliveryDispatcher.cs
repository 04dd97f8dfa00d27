using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Outbox;

/// <summary>
/// Sends owed deliveries through each channel's platform publisher. Channels are served side by side, each
/// in order, so one slow, rate-limited or failing channel never holds up another. Every delivery is marked
/// in flight before the platform is called and its outcome recorded durably right after; one left in flight
/// by a crash is reconciled with the platform before it could be sent again.
/// </summary>
public sealed class DeliveryDispatcher(
    IDeliveryStore deliveries,
    IPaperStore papers,
    IChannelStore channels,
    IEnumerable<IChannelPublisher> publishers,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>After this many transient failures a delivery is given up and marked failed.</summary>
    public const int MaxAttempts = 10;

    /// <summary>How many channels are served at the same time.</summary>
    public const int ParallelChannels = 8;

    private readonly Dictionary<string, IChannelPublisher> _publishers =
        publishers.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly PlatformWarnings _warnings = new(logger);

    /// <summary>Platforms nothing can be posted to right now, with the reason (for /healthz).</summary>
    public IReadOnlyDictionary<string, string> UnavailablePlatforms => _warnings.Unavailable();

    /// <summary>Sends every pending delivery that is due; returns how many were sent.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var round = new Round();
        var byChannel = deliveries.Pending().GroupBy(d => d.Channel.Key).Select(g => g.ToList()).ToList();
        await Parallel.ForEachAsync(byChannel, new ParallelOptions { MaxDegreeOfParallelism = ParallelChannels, CancellationToken = cancellationToken },
            async (owed, ct) => await DeliverChannelAsync(owed, round, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return round.Sent;
    }

    private async Task DeliverChannelAsync(List<Delivery> owed, Round round, CancellationToken cancellationToken)
    {
        var channel = owed[0].Channel;
        if (channels.FindChannel(channel)?.IsPaused == true)
        {
            return;
        }

        if (!_publishers.TryGetValue(channel.Platform, out var publisher))
        {
            _warnings.NoPublisher(channel.Platform);
            return;
        }

        foreach (var delivery in owed)
        {
            if (round.PlatformDown(channel.Platform) || delivery.NextAttemptAt > time.GetUtcNow())
            {
                continue;
            }

            var result = await DeliverAsync(publisher, delivery, round, cancellationToken).ConfigureAwait(false);
            if (!result)
            {
                // A channel that failed is not tried again this round; its later deliveries keep their order.
                return;
            }
        }
    }

    /// <summary>Delivers one; false when the channel should not be tried again this round.</summary>
    private async Task<bool> DeliverAsync(IChannelPublisher publisher, Delivery delivery, Round round, CancellationToken cancellationToken)
    {
        if (delivery.State == DeliveryState.InFlight && await ReconcileAsync(publisher, delivery, cancellationToken).ConfigureAwait(false))
        {
            round.CountSent();
            return true;
        }

        if (Compose(delivery) is not { } message)
        {
            deliveries.MarkAttemptFailed(delivery.Id, $"paper {delivery.ArxivId} is not in the store", permanent: true);
            return true;
        }

        deliveries.MarkInFlight(delivery.Id);
        var outcome = await PublishAsync(publisher, delivery, message, cancellationToken).ConfigureAwait(false);
        if (outcome is PublishOutcome.PlatformUnavailable unavailable)
        {
            deliveries.Requeue(delivery.Id);
            round.MarkPlatformDown(delivery.Channel.Platform);
            _warnings.Unavailable(delivery.Channel.Platform, unavailable.Reason);
            return false;
        }

        var sent = Record(delivery, outcome);
        if (sent)
        {
            round.CountSent();
            _warnings.Recovered(delivery.Channel.Platform);
        }

        return sent;
    }

    /// <summary>True when the platform shows the in-doubt delivery already landed (now recorded as sent).</summary>
    private async Task<bool> ReconcileAsync(IChannelPublisher publisher, Delivery delivery, CancellationToken cancellationToken)
    {
        string? messageId;
        try
        {
            messageId = await publisher.FindDeliveredAsync(delivery.Channel, delivery.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not check whether {DeliveryId} already reached {Channel}; sending it again", delivery.Id, delivery.Channel.Key);
            messageId = null;
        }

        if (messageId is null)
        {
            logger.LogInformation("Delivery {DeliveryId} was in flight when PaperBot stopped and is not found on {Channel}; sending it again",
                delivery.Id, delivery.Channel.Key);
            return false;
        }

        deliveries.MarkSent(delivery.Id, messageId, time.GetUtcNow());
        logger.LogInformation("Delivery {DeliveryId} was in flight when PaperBot stopped and had landed as {MessageId}; not sent again",
            delivery.Id, messageId);
        return true;
    }

    /// <summary>The message a delivery posts: one paper, or a digest of several ranked by upvotes; null if its papers are gone.</summary>
    private CommandResult? Compose(Delivery delivery)
    {
        if (delivery.Kind == DeliveryKind.Paper)
        {
            return papers.Find(delivery.ArxivId) is { } paper ? new PaperPosted(paper, delivery.Topics) : null;
        }

        var listed = delivery.DigestPapers.Select(papers.Find).OfType<Papers.Paper>()
            .OrderByDescending(p => p.Upvotes).ThenBy(p => p.ArxivId, StringComparer.Ordinal).ToList();
        return listed.Count == 0 ? null : new PaperListResult(delivery.Heading ?? "Daily digest", listed, 1, listed.Count, null, null);
    }

    private async Task<PublishOutcome> PublishAsync(IChannelPublisher publisher, Delivery delivery, CommandResult message, CancellationToken cancellationToken)
    {
        try
        {
            return await (message is PaperListResult digest
                ? publisher.PublishDigestAsync(delivery.Channel, digest, delivery.Id, cancellationToken)
                : publisher.PublishAsync(delivery.Channel, (PaperPosted)message, delivery.Id, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Publishers should report problems as outcomes; one that throws anyway must not stop delivery.
            logger.LogError(ex, "Publisher {Platform} threw while posting {DeliveryId} to {Channel}", publisher.Platform, delivery.Id, delivery.Channel.Key);
            return new PublishOutcome.Transient($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Records the outcome; true when the delivery was sent.</summary>
    private bool Record(Delivery delivery, PublishOutcome outcome)
    {
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case PublishOutcome.Sent s:
                deliveries.MarkSent(delivery.Id, s.MessageId, now);
                logger.LogInformation("Posted {DeliveryId} to {Channel} as message {MessageId}", delivery.Id, delivery.Channel.Key, s.MessageId);
                return true;

            case PublishOutcome.Transient t:
                var attempt = delivery.Attempts + 1;
                var giveUp = attempt >= MaxAttempts;
                var wait = RetryDelay.Next(attempt, t.RetryAfter, options.Value, Random.Shared);
                deliveries.MarkAttemptFailed(delivery.Id, t.Reason, giveUp, now + wait);
                logger.LogWarning("Posting {DeliveryId} to {Channel} failed ({Reason}); {Next}", delivery.Id, delivery.Channel.Key, t.Reason,
                    giveUp ? $"gave up after {MaxAttempts} attempts" : $"retrying in {wait.TotalSeconds:0} s");
                return false;

            case PublishOutcome.ChannelUnreachable u:
                channels.SetPaused(delivery.Channel, u.Reason, now);
                deliveries.MarkAttemptFailed(delivery.Id, u.Reason, permanent: false);
                logger.LogWarning("Channel {Channel} is unreachable ({Reason}); its subscriptions are paused until someone runs /papers resume there",
                    delivery.Channel.Key, u.Reason);
                return false;

            default:
                throw new InvalidOperationException($"Unknown publish outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>What one round has learnt so far, shared by the channels it serves in parallel.</summary>
    private sealed class Round
    {
        private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.OrdinalIgnoreCase);
        private int _sent;

        public int Sent => _sent;

        public void CountSent() => Interlocked.Increment(ref _sent);

        public bool PlatformDown(string platform) => _down.ContainsKey(platform);

        public void MarkPlatformDown(string platform) => _down[platform] = true;
    }
}
