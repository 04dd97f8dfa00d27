using System.Text.Json;

namespace PaperBot.Slack.Tests.Support;

/// <summary>Requests as Slack sends them: slash commands (form or JSON), events and button clicks.</summary>
public static class SlackPayloads
{
    public const string General = "C0GENERAL";
    public const string Alice = "U0ALICE";
    public const string Bob = "U0BOB";

    public static Dictionary<string, string> CommandFields(string text, string trigger, string responseUrl, string channel = General, string user = Alice) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = "T0TEAM",
        ["team_domain"] = "paperbot-test",
        ["channel_id"] = channel,
        ["channel_name"] = "general",
        ["user_id"] = user,
        ["user_name"] = user == Alice ? "alice" : "bob",
        ["command"] = "/papers",
        ["text"] = text,
        ["response_url"] = responseUrl,
        ["trigger_id"] = trigger,
        ["api_app_id"] = "A0PAPERBOT",
    };

    /// <summary>The form body of an HTTP-mode slash command.</summary>
    public static string CommandForm(string text, string trigger, string responseUrl, string channel = General, string user = Alice) =>
        string.Join("&", CommandFields(text, trigger, responseUrl, channel, user).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>The JSON payload of a Socket Mode slash command envelope.</summary>
    public static string CommandJson(string text, string trigger, string responseUrl, string channel = General, string user = Alice) =>
        JsonSerializer.Serialize(CommandFields(text, trigger, responseUrl, channel, user));

    public static string Reaction(string type, string eventId, string user, string channel, string ts, string reaction = "bookmark", string? itemUser = FakeSlack.BotUserId) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["token"] = "legacy",
            ["team_id"] = "T0TEAM",
            ["api_app_id"] = "A0PAPERBOT",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1764000000,
            ["event"] = new Dictionary<string, object?>
            {
                ["type"] = type,
                ["user"] = user,
                ["reaction"] = reaction,
                ["item_user"] = itemUser,
                ["item"] = new Dictionary<string, string> { ["type"] = "message", ["channel"] = channel, ["ts"] = ts },
                ["event_ts"] = "1764000001.000100",
            },
        });

    public static string SaveClick(string user, string channel, string ts, string arxivId, string trigger, string responseUrl) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "block_actions",
            ["trigger_id"] = trigger,
            ["response_url"] = responseUrl,
            ["user"] = new Dictionary<string, string> { ["id"] = user, ["username"] = "alice" },
            ["channel"] = new Dictionary<string, string> { ["id"] = channel, ["name"] = "general" },
            ["message"] = new Dictionary<string, string> { ["ts"] = ts, ["type"] = "message" },
            ["container"] = new Dictionary<string, object> { ["type"] = "message", ["channel_id"] = channel, ["message_ts"] = ts },
            ["actions"] = new[]
            {
                new Dictionary<string, string> { ["action_id"] = "paperbot_save", ["block_id"] = "b", ["value"] = arxivId, ["type"] = "button", ["action_ts"] = "1764000002.1" },
            },
        });

    public static string InteractivityForm(string payloadJson) => "payload=" + Uri.EscapeDataString(payloadJson);
}
