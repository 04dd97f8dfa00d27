namespace PaperBot.Slack.Inbound;

/// <summary>A user or channel reference in an interaction payload.</summary>
internal sealed record IdRef(string? Id);
