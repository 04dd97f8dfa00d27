namespace PaperBot.Slack.Api;

/// <summary>The body of <c>files.completeUploadExternal</c>: shares the uploaded files in one channel, with a comment.</summary>
internal sealed record FilesCompleteUploadRequest(IReadOnlyList<UploadedFile> Files, string ChannelId, string? InitialComment);
