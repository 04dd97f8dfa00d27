using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core.Outbox;

/// <summary>
/// Sends owed deliveries through each channel's platform publisher. Every channel with something owed is served
/// side by side, each in order: a channel first waits for its own rate-limit bucket (holding nothing), then, for the
/// platform call alone, for one of <see cref="DeliveryOptions.ParallelSends"/> send slots, handed out first come,
/// first served (the durable writes around the call hold no slot, and are group-committed). So one slow,
/// rate-limited or failing channel never holds up another, and the platform's limit is the only ceiling. Every
/// delivery is marked in flight before the platform is called and its outcome recorded durably right after; one
/// left in doubt (by a crash, or an attempt that got no answer) is reconciled with the platform before any resend.
/// </summary>
public sealed class DeliveryDispatcher(
    IDeliveryStore deliveries,
    IPaperStore papers,
    IChannelStore channels,
    IEnumerable<IChannelPublisher> publishers,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger,
    PaperBotMetrics metrics)
{
    /// <summary>After this many transient failures a delivery is given up and marked failed.</summary>
    public const int MaxAttempts = 10;

    private readonly Dictionary<string, IChannelPublisher> _publishers =
        publishers.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly PlatformWarnings _warnings = new(logger);

    /// <summary>Platforms nothing can be posted to right now, with the reason (for /healthz).</summary>
    public IReadOnlyDictionary<string, string> UnavailablePlatforms => _warnings.Unavailable();

    /// <summary>Sends every pending delivery that is due; returns how many were sent.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken) =>
        (await RunRoundAsync(cancellationToken).ConfigureAwait(false)).Sent;

    /// <summary>
    /// Sends every pending delivery that is due, and says when the earliest one left waiting to retry is due, so
    /// the caller can come back exactly then instead of at a fixed tick.
    /// </summary>
    public async Task<DeliveryRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        // Paused channels and papers are read once for the round, not once per channel: on a networked store (whose
        // client blocks on the thread pool) a thousand blocking reads at once starve it.
        var paused = channels.PausedChannels().Select(c => c.Channel.Key).ToHashSet(StringComparer.Ordinal);
        var owed = deliveries.ClaimPending().Where(d => !paused.Contains(d.Channel.Key)).ToList();

        // The few papers a fan-out posts are read here, one after another, before the channels start in parallel.
        var roundPapers = owed.SelectMany(d => d.Kind == DeliveryKind.Paper ? [d.ArxivId] : d.DigestPapers)
            .Distinct(StringComparer.Ordinal).ToDictionary(id => id, papers.Find, StringComparer.Ordinal);
        using var round = new RoundState(options.Value.ParallelSends, roundPapers);

        var byChannel = owed.GroupBy(d => d.Channel.Key).Select(g => g.ToList()).ToList();
        await Task.WhenAll(byChannel.Select(owed => DeliverChannelAsync(owed, round, cancellationToken))).ConfigureAwait(false);
        return new DeliveryRound(round.Sent, round.NextDueAt);
    }

    private async Task DeliverChannelAsync(List<Delivery> owed, RoundState round, CancellationToken cancellationToken)
    {
        // Run the channel's work off the caller's thread, so starting thousands of channels is not sequential.
        await Task.Yield();

        var channel = owed[0].Channel;
        if (!_publishers.TryGetValue(channel.Platform, out var publisher))
        {
            _warnings.NoPublisher(channel.Platform);
            return;
        }

        foreach (var delivery in owed)
        {
            // A delivery not due yet (it failed and waits to retry) ends the channel's turn: the ones behind it
            // keep their order instead of overtaking it.
            if (round.PlatformDown(channel.Platform))
            {
                return;
            }

            if (delivery.NextAttemptAt is { } due && due > time.GetUtcNow())
            {
                round.NoteDue(due);
                return;
            }

            await WaitForTurnAsync(publisher, channel, cancellationToken).ConfigureAwait(false);
            if (round.PlatformDown(channel.Platform))
            {
                return;
            }

            try
            {
                if (!await DeliverAsync(publisher, delivery, round, cancellationToken).ConfigureAwait(false))
                {
                    // A channel that failed is not tried again this round; its later deliveries keep their order.
                    return;
                }
            }
            catch (DeliveryClaimLostException lost)
            {
                // Among replicas: the channel's lease ran out (this process stalled); the replica holding it now sends.
                logger.LogWarning("Stopped sending to {Channel}: {Reason}", lost.ChannelKey, lost.Message);
                return;
            }
        }
    }

    private async Task WaitForTurnAsync(IChannelPublisher publisher, ChannelRef channel, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.WaitForTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The post itself still obeys the platform's limits; a failed wait only loses the head start.
            logger.LogWarning(ex, "Waiting for {Channel}'s rate limit failed; posting anyway", channel.Key);
        }
    }

    /// <summary>Delivers one; false when the channel should not be tried again this round.</summary>
    private async Task<bool> DeliverAsync(IChannelPublisher publisher, Delivery delivery, RoundState round, CancellationToken cancellationToken)
    {
        if (delivery.State == DeliveryState.InFlight)
        {
            switch (await ReconcileAsync(publisher, delivery, round, cancellationToken).ConfigureAwait(false))
            {
                case Reconciled.Landed:
                    round.CountSent();
                    return true;
                case Reconciled.Unknown:
                    return false;
            }
        }

        if (Compose(delivery, round) is not { } message)
        {
            await deliveries.MarkAttemptFailedAsync(delivery.Id, $"paper {delivery.ArxivId} is not in the store", permanent: true).ConfigureAwait(false);
            metrics.Delivery(delivery.Channel.Platform, MetricLabels.Failed);
            return true;
        }

        await deliveries.MarkInFlightAsync(delivery.Id).ConfigureAwait(false);
        var outcome = await InSlotAsync(round, () => PublishAsync(publisher, delivery, message, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (outcome is PublishOutcome.PlatformUnavailable unavailable)
        {
            deliveries.Requeue(delivery.Id);
            round.MarkPlatformDown(delivery.Channel.Platform);
            _warnings.Unavailable(delivery.Channel.Platform, unavailable.Reason);
            return false;
        }

        var sent = await RecordAsync(delivery, outcome, round).ConfigureAwait(false);
        if (sent)
        {
            round.CountSent();
            _warnings.Recovered(delivery.Channel.Platform);
        }

        return sent;
    }

    /// <summary>
    /// A delivery in doubt (in flight when PaperBot stopped, or its last attempt got no answer): asks the platform
    /// whether it landed. Landed is recorded as sent; Unknown (the platform cannot be asked now) is recorded as a
    /// failed attempt that stays in doubt, so it is asked again later rather than posted a second time.
    /// </summary>
    private async Task<Reconciled> ReconcileAsync(IChannelPublisher publisher, Delivery delivery, RoundState round, CancellationToken cancellationToken)
    {
        string? messageId;
        try
        {
            messageId = await InSlotAsync(round, () => publisher.FindDeliveredAsync(delivery.Channel, delivery.Id, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordAsync(delivery, new PublishOutcome.Transient($"could not check whether the last attempt landed: {ex.Message}", InDoubt: true), round)
                .ConfigureAwait(false);
            return Reconciled.Unknown;
        }

        if (messageId is null)
        {
            logger.LogInformation("Delivery {DeliveryId} may not have reached {Channel} (PaperBot stopped or got no answer mid-send) and is not found there; sending it again",
                delivery.Id, delivery.Channel.Key);
            return Reconciled.NotFound;
        }

        await deliveries.MarkSentAsync(delivery.Id, messageId, time.GetUtcNow()).ConfigureAwait(false);
        metrics.Delivery(delivery.Channel.Platform, MetricLabels.Reconciled);
        logger.LogInformation("Delivery {DeliveryId} was in doubt (PaperBot stopped or got no answer mid-send) and had landed as {MessageId}; not sent again",
            delivery.Id, messageId);
        return Reconciled.Landed;
    }

    /// <summary>The message a delivery posts: one paper, or a digest of several ranked by upvotes; null if its papers are gone.</summary>
    private DeliveryMessage? Compose(Delivery delivery, RoundState round)
    {
        Papers.Paper? Find(string arxivId) => round.Paper(arxivId);

        if (delivery.Kind == DeliveryKind.Paper)
        {
            return Find(delivery.ArxivId) is { } paper ? new PaperPosted(paper, delivery.Topics) : null;
        }

        var listed = delivery.DigestPapers.Select(Find).OfType<Papers.Paper>()
            .OrderByDescending(p => p.Upvotes).ThenBy(p => p.ArxivId, StringComparer.Ordinal).ToList();
        return listed.Count == 0 ? null : new DigestPost(delivery.Heading ?? "Daily digest", listed);
    }

    /// <summary>
    /// A call to the platform in one of the round's send slots. Only the call holds the slot: the durable writes before
    /// and after it do not, so posts keep the slots busy while the store group-commits many deliveries' writes at once.
    /// </summary>
    private static async Task<T> InSlotAsync<T>(RoundState round, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await round.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            round.Slots.Release();
        }
    }

    private async Task<PublishOutcome> PublishAsync(IChannelPublisher publisher, Delivery delivery, DeliveryMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await (message is DigestPost digest
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
    private async Task<bool> RecordAsync(Delivery delivery, PublishOutcome outcome, RoundState round)
    {
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case PublishOutcome.Sent s:
                await deliveries.MarkSentAsync(delivery.Id, s.MessageId, now).ConfigureAwait(false);
                logger.LogInformation("Posted {DeliveryId} to {Channel} as message {MessageId}", delivery.Id, delivery.Channel.Key, s.MessageId);
                metrics.Delivery(delivery.Channel.Platform, MetricLabels.Sent);
                if (delivery.Kind == DeliveryKind.Paper)
                {
                    metrics.ListingToPost(delivery.Channel.Platform, now - delivery.CreatedAt);
                }

                return true;

            case PublishOutcome.Transient t:
                var attempt = delivery.Attempts + 1;
                var giveUp = attempt >= MaxAttempts;
                var wait = RetryDelay.Next(attempt, t.RetryAfter, options.Value, Random.Shared);
                await deliveries.MarkAttemptFailedAsync(delivery.Id, t.Reason, giveUp, now + wait, t.InDoubt).ConfigureAwait(false);
                if (!giveUp)
                {
                    round.NoteDue(now + wait);
                }

                logger.LogWarning("Posting {DeliveryId} to {Channel} failed ({Reason}); {Next}", delivery.Id, delivery.Channel.Key, t.Reason,
                    giveUp ? $"gave up after {MaxAttempts} attempts" : $"retrying in {wait.TotalSeconds:0} s");
                metrics.Delivery(delivery.Channel.Platform, giveUp ? MetricLabels.Failed : MetricLabels.Retried);
                return false;

            case PublishOutcome.ChannelUnreachable u:
                channels.SetPaused(delivery.Channel, u.Reason, now);
                await deliveries.MarkAttemptFailedAsync(delivery.Id, u.Reason, permanent: false).ConfigureAwait(false);
                metrics.Delivery(delivery.Channel.Platform, MetricLabels.Paused);
                logger.LogWarning("Channel {Channel} is unreachable ({Reason}); its subscriptions are paused until someone runs /papers resume there",
                    delivery.Channel.Key, u.Reason);
                return false;

            default:
                throw new InvalidOperationException($"Unknown publish outcome {outcome.GetType().Name}.");
        }
    }

    private enum Reconciled
    {
        Landed,
        NotFound,
        Unknown,
    }
}
