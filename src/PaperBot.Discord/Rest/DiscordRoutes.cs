using PaperBot.Core.Publishing;

namespace PaperBot.Discord.Rest;

/// <summary>The REST routes PaperBot uses, each with its rate-limit key (route plus top-level resource).</summary>
internal static class DiscordRoutes
{
    public static RestRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, $"channels/{channelId}/messages", $"POST channels/{channelId}/messages", $"channels/{channelId}");

    public static RestRoute AddOwnReaction(string channelId, string messageId, string emoji) =>
        new(HttpMethod.Put, $"channels/{channelId}/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}/@me",
            $"PUT channels/{channelId}/messages/reactions", $"channels/{channelId}", Spare: true);

    public static RestRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", $"PATCH webhooks/{applicationId}/{TokenKey(token)}/original",
            $"webhooks/{applicationId}/{TokenKey(token)}", UsesBotToken: false);

    public static RestRoute DeleteOriginal(string applicationId, string token) =>
        new(HttpMethod.Delete, $"webhooks/{applicationId}/{token}/messages/@original", $"DELETE webhooks/{applicationId}/{TokenKey(token)}/original",
            $"webhooks/{applicationId}/{TokenKey(token)}", UsesBotToken: false);

    public static RestRoute CreateFollowup(string applicationId, string token) =>
        new(HttpMethod.Post, $"webhooks/{applicationId}/{token}", $"POST webhooks/{applicationId}/{TokenKey(token)}",
            $"webhooks/{applicationId}/{TokenKey(token)}", UsesBotToken: false);

    public static RestRoute OverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, $"applications/{applicationId}/commands", $"PUT applications/{applicationId}/commands", $"applications/{applicationId}")
        : new(HttpMethod.Put, $"applications/{applicationId}/guilds/{guildId}/commands", $"PUT applications/{applicationId}/guilds/{guildId}/commands",
            $"guilds/{guildId}");

    public static RestRoute GatewayBot() => new(HttpMethod.Get, "gateway/bot", "GET gateway/bot", "");

    /// <summary>
    /// Interaction tokens are secrets for 15 minutes and rate-limit keys end up in logs, so the key holds a
    /// short hash of the token instead.
    /// </summary>
    private static string TokenKey(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..12];

    /// <summary>The platform name of <see cref="IChannelPublisher"/> and of every Discord channel and user reference.</summary>
    public const string Platform = "discord";
}
