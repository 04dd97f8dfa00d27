using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;

namespace PaperBot.ConsoleChannel;

/// <summary>Posts new papers to the terminal as readable cards.</summary>
public sealed class ConsolePublisher(ConsoleIo io, ConsoleRenderer renderer) : IChannelPublisher
{
    public string Platform => ConsoleChannelInfo.Platform;

    public Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken) =>
        Write(renderer.Render(post), deliveryId);

    public Task<PublishOutcome> PublishDigestAsync(ChannelRef channel, DigestPost digest, string deliveryId, CancellationToken cancellationToken) =>
        Write(renderer.Render(digest), deliveryId);

    private Task<PublishOutcome> Write(string message, string deliveryId)
    {
        io.Write(message);

        // The console has no message ids of its own; the delivery id is unique per (channel, paper).
        return Task.FromResult<PublishOutcome>(new PublishOutcome.Sent(deliveryId));
    }
}
