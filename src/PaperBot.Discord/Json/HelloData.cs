namespace PaperBot.Discord.Json;

internal sealed record HelloData(int HeartbeatInterval);
