using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Pacing;
using PaperBot.Core.Publishing;
using PaperBot.Core.Telemetry;
using PaperBot.Slack.Api;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.Publishing;

/// <summary>
/// Posts new papers to Slack channels as Block Kit cards, then adds the save reaction as a hint. Paces posts per
/// channel (<see cref="ChannelPace"/>), waits out short 429s in place and reports everything else as a
/// <see cref="PublishOutcome"/>.
/// </summary>
internal sealed class SlackPublisher(
    SlackApiClient api,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackPublisher> logger,
    IRateBudget budget,
    PaperBotMetrics? metrics = null) : IChannelPublisher
{
    public const string PlatformName = SlackPlatform.Name;

    /// <summary>
    /// chat.postMessage: one post a second per channel. The second counts from Slack's answer to the previous post, not
    /// from its send, so a slow answer can never squeeze two posts into one of Slack's seconds; a 429 holds every channel.
    /// </summary>
    public static readonly RateRule ChannelPace = new(TimeSpan.FromSeconds(1));

    /// <summary>
    /// reactions.add is Tier 3 (about 50 a minute per workspace): bursts of 20, emptied for Retry-After by a 429. The
    /// allowance belongs to the app in its workspace, so it is taken from the <see cref="IRateBudget"/> every replica
    /// shares (in memory for one process).
    /// </summary>
    public static readonly RateRule ReactionPace = new(TimeSpan.FromMinutes(1) / 50, Burst: 20);

    /// <summary>The name of the reactions.add allowance in the shared <see cref="IRateBudget"/>.</summary>
    public const string ReactionBudget = "slack:reactions.add";

    private readonly KeyedPacer _channels = new(ChannelPace, time, wait => metrics?.RateLimitWait(PlatformName, MetricLabels.Pacing, wait));

    /// <summary>A 429 asking for a longer wait than this ends the attempt; the dispatcher retries later.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    private const int MaxRateLimitWaits = 3;

    /// <summary>An in-doubt post is from just before a crash: it is among the channel's latest messages.</summary>
    private const int HistoryDepth = 100;

    public string Platform => PlatformName;

    public Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken) =>
        PostAsync(channel, ResultRenderer.Render(post), deliveryId, addSaveReaction: true, cancellationToken);

    /// <summary>A digest lists several papers, so it gets no save reaction (which paper would it save?).</summary>
    public Task<PublishOutcome> PublishDigestAsync(ChannelRef channel, DigestPost digest, string deliveryId, CancellationToken cancellationToken) =>
        PostAsync(channel, ResultRenderer.Render(digest), deliveryId, addSaveReaction: false, cancellationToken);

    /// <summary>Waits, holding nothing, until the channel's one-post-a-second slot comes round.</summary>
    public ValueTask WaitForTurnAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        _channels.WaitUntilFreeAsync(channel.Id, cancellationToken);

    /// <summary>
    /// Looks for a recent message of the channel carrying this delivery id in its metadata. Throws when Slack cannot
    /// be asked right now (network, 5xx, 429): the delivery stays in doubt and is checked again later, never resent
    /// blindly. When Slack refuses to tell (an error code such as missing_scope) it returns null: resending is then
    /// the only way the paper ever arrives.
    /// </summary>
    public async Task<string?> FindDeliveredAsync(ChannelRef channel, string deliveryId, CancellationToken cancellationToken)
    {
        var result = await api.HistoryAsync(channel.Id, HistoryDepth, cancellationToken).ConfigureAwait(false);
        if (!result.Ok && (result.RateLimited || !result.IsSlackError))
        {
            throw new HttpRequestException($"Slack's conversations.history could not be read ({result.Error})");
        }

        return result.Response?.Messages?
            .FirstOrDefault(m => m.Metadata is { EventType: MessageMetadata.DeliveryEventType } metadata && metadata.EventPayload?.DeliveryId == deliveryId)?
            .Ts;
    }

    private async Task<PublishOutcome> PostAsync(ChannelRef channel, SlackMessage message, string deliveryId, bool addSaveReaction, CancellationToken cancellationToken)
    {
        var request = new ChatPostMessageRequest(channel.Id, message.Text, message.Blocks, MessageMetadata.ForDelivery(deliveryId));
        for (var waits = 0; ; waits++)
        {
            await _channels.ReserveAsync(channel.Id, cancellationToken).ConfigureAwait(false);
            var result = await api.PostMessageAsync(request, cancellationToken).ConfigureAwait(false);
            _channels.Restart(channel.Id);
            if (result is { Ok: true, Response.Ts: { } ts })
            {
                if (addSaveReaction)
                {
                    await AddSaveReactionAsync(channel.Id, ts, cancellationToken).ConfigureAwait(false);
                }

                return new PublishOutcome.Sent(ts);
            }

            if (result.RateLimited)
            {
                var retryAfter = result.RetryAfter ?? ChannelPace.Interval;
                _channels.HoldAll(retryAfter);
                if (waits < MaxRateLimitWaits && retryAfter <= MaxInlineWait)
                {
                    Log.RateLimited(logger, channel.Id, retryAfter);
                    continue;
                }
            }

            return result.Ok ? new PublishOutcome.Transient("Slack accepted the post but sent no message timestamp") : PostFailures.Classify(result);
        }
    }

    /// <summary>
    /// The bot's own reaction shows users what to click; a failure here never fails the post, and in a big fan-out
    /// the hint is skipped, never waited for, once <see cref="ReactionPace"/> has no turn left.
    /// </summary>
    private async Task AddSaveReactionAsync(string channelId, string ts, CancellationToken cancellationToken)
    {
        if (!await budget.TryTakeAsync(ReactionBudget, ReactionPace, cancellationToken).ConfigureAwait(false))
        {
            Log.ReactionSkipped(logger, channelId, ts);
            return;
        }

        var result = await api.AddReactionAsync(new ReactionsAddRequest(channelId, ts, options.Value.SaveReaction), cancellationToken)
            .ConfigureAwait(false);
        if (result.RateLimited)
        {
            budget.Hold(ReactionBudget, result.RetryAfter ?? TimeSpan.FromMinutes(1));
        }

        if (!result.Ok && result.Error != "already_reacted")
        {
            Log.ReactionFailed(logger, channelId, ts, result.Error ?? "unknown");
        }
    }
}
