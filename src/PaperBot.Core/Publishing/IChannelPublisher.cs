using PaperBot.Core.Channels;
using PaperBot.Core.Commands;

namespace PaperBot.Core.Publishing;

/// <summary>Posts new papers to channels of one platform (console, Discord, Slack).</summary>
public interface IChannelPublisher
{
    /// <summary>The platform this publisher serves; matches <see cref="ChannelRef.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>
    /// Posts one paper (with its Save button or reaction). Never throws for platform problems: they come back
    /// as a <see cref="PublishOutcome"/>. <paramref name="deliveryId"/> identifies the delivery so a platform
    /// can deduplicate a retried post.
    /// </summary>
    Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// After a crash mid-send: finds the message a delivery already posted, or null when there is none or the
    /// platform cannot tell. The delivery is then sent again, which Discord's nonce makes safe for a few
    /// minutes; Slack looks the delivery id up in the channel's recent history.
    /// </summary>
    Task<string?> FindDeliveredAsync(ChannelRef channel, string deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    /// <summary>
    /// Completes when the platform's rate limits let <paramref name="channel"/> take its next post (a channel's
    /// bucket, not the platform-wide limit, which the post itself waits for). The dispatcher waits here without
    /// holding one of its send slots, so channels that must wait never hold up channels that need not.
    /// </summary>
    ValueTask WaitForTurnAsync(ChannelRef channel, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Posts a daily digest: several papers in one message, ranked. Same contract as <see cref="PublishAsync"/>.</summary>
    Task<PublishOutcome> PublishDigestAsync(ChannelRef channel, DigestPost digest, string deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult<PublishOutcome>(new PublishOutcome.Transient($"{Platform} cannot post digests yet"));
}
