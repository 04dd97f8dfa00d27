namespace PaperBot.Slack.Api;

/// <summary>A message of <c>conversations.history</c>: its ts and, with <c>include_all_metadata</c>, its metadata.</summary>
internal sealed record HistoryMessage(string? Ts, MessageMetadata? Metadata);
