namespace PaperBot.Discord.Json;

/// <summary>A file of a multipart message: <see cref="Id"/> is its index in <c>files[n]</c>.</summary>
internal sealed record Attachment(int Id, string Filename);
