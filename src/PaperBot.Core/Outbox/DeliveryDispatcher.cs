using Microsoft.Extensions.Logging;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Outbox;

/// <summary>
/// Sends owed deliveries through each channel's platform publisher and records the outcome durably
/// before moving on. A channel that fails is skipped for the rest of the round so it cannot hold up the
/// others; one that is unreachable is paused with a reason the channel's users can read.
/// </summary>
public sealed class DeliveryDispatcher(
    IDeliveryStore deliveries,
    IPaperStore papers,
    IChannelStore channels,
    IEnumerable<IChannelPublisher> publishers,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>After this many transient failures a delivery is given up and marked failed.</summary>
    public const int MaxAttempts = 10;

    private readonly Dictionary<string, IChannelPublisher> _publishers =
        publishers.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _warnedPlatforms = [];
    private readonly Dictionary<string, string> _unavailablePlatforms = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends every pending delivery once; returns how many were sent.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var skipChannels = new HashSet<string>();
        var skipPlatforms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sent = 0;
        foreach (var delivery in deliveries.Pending())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (skipPlatforms.Contains(delivery.Channel.Platform) || skipChannels.Contains(delivery.Channel.Key)
                || channels.FindChannel(delivery.Channel)?.IsPaused == true)
            {
                continue;
            }

            if (!_publishers.TryGetValue(delivery.Channel.Platform, out var publisher))
            {
                WarnNoPublisher(delivery.Channel.Platform);
                continue;
            }

            if (Compose(delivery) is not { } message)
            {
                deliveries.MarkAttemptFailed(delivery.Id, $"paper {delivery.ArxivId} is not in the store", permanent: true);
                continue;
            }

            var outcome = await PublishAsync(publisher, delivery, message, cancellationToken).ConfigureAwait(false);
            if (outcome is PublishOutcome.PlatformUnavailable unavailable)
            {
                skipPlatforms.Add(delivery.Channel.Platform);
                WarnPlatformUnavailable(delivery.Channel.Platform, unavailable.Reason);
                continue;
            }

            if (Record(delivery, outcome))
            {
                sent++;
            }
            else
            {
                skipChannels.Add(delivery.Channel.Key);
            }
        }

        return sent;
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
            logger.LogError(ex, "Publisher {Platform} threw while posting {ArxivId} to {Channel}", publisher.Platform, delivery.ArxivId, delivery.Channel.Key);
            return new PublishOutcome.Transient($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Records the outcome; true when the delivery was sent.</summary>
    private bool Record(Delivery delivery, PublishOutcome outcome)
    {
        switch (outcome)
        {
            case PublishOutcome.Sent s:
                _unavailablePlatforms.Remove(delivery.Channel.Platform);
                deliveries.MarkSent(delivery.Id, s.MessageId, time.GetUtcNow());
                logger.LogInformation("Posted {ArxivId} to {Channel} as message {MessageId}", delivery.ArxivId, delivery.Channel.Key, s.MessageId);
                return true;

            case PublishOutcome.Transient t:
                var giveUp = delivery.Attempts + 1 >= MaxAttempts;
                deliveries.MarkAttemptFailed(delivery.Id, t.Reason, giveUp);
                logger.LogWarning("Posting {ArxivId} to {Channel} failed ({Reason}); {Next}", delivery.ArxivId, delivery.Channel.Key, t.Reason,
                    giveUp ? $"gave up after {MaxAttempts} attempts" : "will retry");
                return false;

            case PublishOutcome.ChannelUnreachable u:
                channels.SetPaused(delivery.Channel, u.Reason, time.GetUtcNow());
                deliveries.MarkAttemptFailed(delivery.Id, u.Reason, permanent: false);
                logger.LogWarning("Channel {Channel} is unreachable ({Reason}); its subscriptions are paused until it is fixed", delivery.Channel.Key, u.Reason);
                return false;

            default:
                throw new InvalidOperationException($"Unknown publish outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>Logs an unusable platform once per distinct reason, so a revoked token is one error, not a loop.</summary>
    private void WarnPlatformUnavailable(string platform, string reason)
    {
        if (!_unavailablePlatforms.TryGetValue(platform, out var previous) || previous != reason)
        {
            _unavailablePlatforms[platform] = reason;
            logger.LogError("Nothing can be posted to {Platform} until this is fixed: {Reason}. Deliveries wait and are sent once it works", platform, reason);
        }
    }

    private void WarnNoPublisher(string platform)
    {
        if (_warnedPlatforms.Add(platform))
        {
            logger.LogWarning("Deliveries for {Platform} channels are waiting: that platform is not configured in this run", platform);
        }
    }
}
