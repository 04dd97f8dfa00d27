using PaperBot.Core.Storage;

namespace PaperBot.Core.Channels;

/// <summary>
/// What happens to a channel as the platform changes around it. A channel is paused when posting to it fails for good
/// (the bot was removed, the channel archived); when the bot is back (re-invited, the channel unarchived) posting resumes.
/// </summary>
public sealed class ChannelLifecycle(IChannelStore channels, TimeProvider time)
{
    /// <summary>The bot can post to <paramref name="channel"/> again; true when that resumed a paused channel.</summary>
    public bool BotIsBack(ChannelRef channel)
    {
        if (channels.FindChannel(channel)?.IsPaused != true)
        {
            return false;
        }

        channels.SetPaused(channel, null, time.GetUtcNow());
        return true;
    }
}
