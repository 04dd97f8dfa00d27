using PaperBot.Core.Channels;
using PaperBot.Core.Publishing;
using Xunit;

namespace PaperBot.Testing;

/// <summary>One message a <see cref="RecordingPublisher"/> was asked to post.</summary>
public sealed record PublishedMessage(ChannelRef Channel, DeliveryMessage Message, string DeliveryId)
{
    /// <summary>The message as a single-paper post (throws for a digest, which a test should not expect here).</summary>
    public PaperPosted Post => Assert.IsType<PaperPosted>(Message);

    /// <summary>The message as a digest (a method, so that test output can print a single-paper message).</summary>
    public DigestPost AsDigest() => Assert.IsType<DigestPost>(Message);
}
