namespace PaperBot.Discord.Json;

internal sealed record IdentifyProperties(string Os, string Browser, string Device);
