using System.Text.Json.Nodes;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Interaction payloads shaped like Discord's (with a few of the extra fields real ones carry).</summary>
internal static class InteractionJson
{
    public const string GuildId = "290926798626357999";
    public const string ChannelId = "645027906669510667";
    public const string UserId = "53908232506183680";

    /// <summary>Everything but ADMINISTRATOR and MANAGE_CHANNELS / MANAGE_GUILD: SEND_MESSAGES, VIEW_CHANNEL and the like.</summary>
    public const string PlainMember = "3072";
    public const string ManageChannels = "16";
    public const string Administrator = "8";

    public static string Ping() => Base(1).ToJsonString();

    /// <summary><c>/papers sub</c> with string or integer options, invoked by a guild member with <paramref name="permissions"/>.</summary>
    public static string Command(string subcommand, string permissions = PlainMember, string channelId = ChannelId, params (string Name, object Value)[] options)
    {
        var sub = new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = Options(options) };
        var json = Base(2, channelId, permissions);
        json["data"] = new JsonObject { ["id"] = "1263180011132653589", ["name"] = "papers", ["type"] = 1, ["options"] = new JsonArray(sub) };
        return json.ToJsonString();
    }

    /// <summary>The same command in a DM: <c>user</c> instead of <c>member</c>.</summary>
    public static string DirectCommand(string subcommand, params (string Name, object Value)[] options)
    {
        var json = JsonNode.Parse(Command(subcommand, PlainMember, ChannelId, options))!.AsObject();
        json.Remove("member");
        json.Remove("guild_id");
        json["user"] = new JsonObject { ["id"] = UserId, ["username"] = "mason" };
        return json.ToJsonString();
    }

    public static string Autocomplete(string typed, string subcommand = "unsubscribe", string option = "id")
    {
        var focused = new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true };
        var json = Base(4);
        json["data"] = new JsonObject
        {
            ["name"] = "papers",
            ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = new JsonArray(focused) }),
        };
        return json.ToJsonString();
    }

    public static string Button(string customId, string messageId, string userId = UserId)
    {
        var json = Base(3);
        json["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        json["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = ChannelId };
        json["member"]!["user"]!["id"] = userId;
        return json.ToJsonString();
    }

    private static JsonArray Options((string Name, object Value)[] options) =>
        [.. options.Select(o => new JsonObject
        {
            ["name"] = o.Name,
            ["type"] = o.Value is int ? 4 : 3,
            ["value"] = o.Value is int n ? JsonValue.Create(n) : JsonValue.Create((string)o.Value),
        })];

    private static JsonObject Base(int type, string channelId = ChannelId, string permissions = PlainMember) => new()
    {
        ["id"] = "1263184327218036809",
        ["application_id"] = FakeDiscord.ApplicationId,
        ["type"] = type,
        ["guild_id"] = GuildId,
        ["channel_id"] = channelId,
        ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 0, ["name"] = "papers" },
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "mason", ["global_name"] = "Mason" },
            ["roles"] = new JsonArray(),
            ["permissions"] = permissions,
        },
        ["app_permissions"] = "2147483647",
        ["locale"] = "en-US",
        ["context"] = 0,
        ["token"] = "A_UNIQUE_TOKEN_aW50ZXJhY3Rpb24",
        ["version"] = 1,
    };
}
