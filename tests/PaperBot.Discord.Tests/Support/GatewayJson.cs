using System.Text.Json.Nodes;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Gateway dispatch payloads shaped like Discord's.</summary>
internal static class GatewayJson
{
    public const string BotUserId = "1263178492816216064";
    public const string SessionId = "d1c6e2a0b5f3c4a7e8f9a0b1c2d3e4f5";

    public static JsonObject Ready(string resumeUrl) => new()
    {
        ["v"] = 10,
        ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "PaperBot", ["bot"] = true },
        ["guilds"] = new JsonArray(new JsonObject { ["id"] = InteractionJson.GuildId, ["unavailable"] = true }),
        ["session_id"] = SessionId,
        ["resume_gateway_url"] = resumeUrl,
        ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId, ["flags"] = 0 },
    };

    public static JsonObject Reaction(string userId, string messageId, string emoji, string? emojiId = null) => new()
    {
        ["user_id"] = userId,
        ["channel_id"] = InteractionJson.ChannelId,
        ["message_id"] = messageId,
        ["guild_id"] = InteractionJson.GuildId,
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "mason" }, ["roles"] = new JsonArray() },
        ["emoji"] = new JsonObject { ["id"] = emojiId, ["name"] = emoji },
        ["message_author_id"] = BotUserId,
        ["burst"] = false,
        ["type"] = 0,
    };
}
