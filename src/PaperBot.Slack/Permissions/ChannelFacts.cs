namespace PaperBot.Slack.Permissions;

/// <summary>What conversations.info says about a channel: who created it, and whether it is a direct message.</summary>
internal sealed record ChannelFacts(string? Creator, bool IsDirectMessage);
