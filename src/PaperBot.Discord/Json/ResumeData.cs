namespace PaperBot.Discord.Json;

internal sealed record ResumeData(string Token, string SessionId, long Seq);
