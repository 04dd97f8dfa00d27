namespace PaperBot.Discord.Json;

internal sealed record EmbedAuthor(string Name);
