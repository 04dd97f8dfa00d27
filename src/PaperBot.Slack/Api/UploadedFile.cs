namespace PaperBot.Slack.Api;

/// <summary>One file of <c>files.completeUploadExternal</c>: the id <c>files.getUploadURLExternal</c> gave, and its title.</summary>
internal sealed record UploadedFile(string Id, string Title);
