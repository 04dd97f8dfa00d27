namespace PaperBot.Discord.Json;

internal sealed record EmbedImage(string Url);
