namespace PaperBot.Slack.Inbound;

/// <summary>The message a clicked button is on.</summary>
internal sealed record MessageRef(string? Ts);
