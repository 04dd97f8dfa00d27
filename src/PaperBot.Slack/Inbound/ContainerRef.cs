namespace PaperBot.Slack.Inbound;

/// <summary>Where a clicked button lives (also present when <c>channel</c> or <c>message</c> is not).</summary>
internal sealed record ContainerRef(string? ChannelId, string? MessageTs);
