namespace PaperBot.Slack.Inbound;

/// <summary>What a reaction is on; PaperBot cares about <c>message</c> items (channel and ts).</summary>
internal sealed record ReactionItem(string? Type, string? Channel, string? Ts);
