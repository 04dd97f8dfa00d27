namespace PaperBot.Discord.Json;

internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl, DiscordUser User);
