using PaperBot.Core.Channels;

namespace PaperBot.ConsoleChannel;

/// <summary>The console is one channel with one user: whoever runs the bot in this terminal.</summary>
public static class ConsoleChannelInfo
{
    public const string Platform = "console";

    public static ChannelRef Channel { get; } = new(Platform, "terminal");

    public static UserRef User { get; } = new(Platform, "local", Environment.UserName);
}
