namespace PaperBot.Slack.Api;

/// <summary>The body of <c>reactions.add</c>.</summary>
internal sealed record ReactionsAddRequest(string Channel, string Timestamp, string Name);
