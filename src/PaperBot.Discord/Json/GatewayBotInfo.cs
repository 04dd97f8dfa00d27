namespace PaperBot.Discord.Json;

/// <summary>The answer of <c>GET /gateway/bot</c> (the fields PaperBot uses).</summary>
internal sealed record GatewayBotInfo(string Url, int? Shards = null, SessionStartLimit? SessionStartLimit = null);
