namespace PaperBot.Discord.Json;

internal sealed record CreatedMessage(string Id, string? ChannelId);
