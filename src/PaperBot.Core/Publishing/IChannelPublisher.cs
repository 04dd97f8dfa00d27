using PaperBot.Core.Channels;
using PaperBot.Core.Commands;

namespace PaperBot.Core.Publishing;

/// <summary>Posts new papers to channels of one platform (console, Discord, Slack).</summary>
public interface IChannelPublisher
{
    /// <summary>The platform this publisher serves; matches <see cref="ChannelRef.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>
    /// Posts one paper. Never throws for platform problems: they come back as a <see cref="PublishOutcome"/>.
    /// <paramref name="deliveryId"/> identifies the delivery so a platform can deduplicate a retried post.
    /// </summary>
    Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken);
}
