namespace PaperBot.Slack.Inbound;

/// <summary>One clicked element: its action id and the value it carries.</summary>
internal sealed record ActionRef(string? ActionId, string? Value, string? ActionTs);
