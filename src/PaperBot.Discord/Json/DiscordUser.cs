namespace PaperBot.Discord.Json;

internal sealed record DiscordUser(string Id, string? Username, string? GlobalName);
