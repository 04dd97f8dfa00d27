namespace PaperBot.Core.Channels;

/// <summary>What PaperBot knows about a channel: whether posting to it is paused, and why.</summary>
public sealed record ChannelInfo(ChannelRef Channel, string? PausedReason = null, DateTimeOffset? PausedAt = null)
{
    public bool IsPaused => PausedReason is not null;
}
