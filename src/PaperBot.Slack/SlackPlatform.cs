namespace PaperBot.Slack;

/// <summary>The platform name of Slack channels and users (<c>ChannelRef.Platform</c>).</summary>
internal static class SlackPlatform
{
    public const string Name = "slack";
}
