using PaperBot.Testing.Fuzz;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>The Slack fuzz's vocabulary for the shared generators: strings and property names its payloads use.</summary>
internal static class Vocabulary
{
    public static readonly FuzzValues Values = new(
    [
        "", " ", "\t\n", "\u0000", "\u202Eevil", "\uFEFF", "\u200B\u200D", "e\u0301\u0301\u0301", "🧪🤖", "Ω≈ç√∫", "ﷺ", "𝕒𝕘𝕖𝕟𝕥𝕤",
        "\u0085\u2028\u2029", "'; DROP TABLE subscriptions; --", "<@everyone>", "@here", "#1", "-1", "0", "all", "ALL", "paperbot_save",
        "../../etc/passwd", "2511.00001", "arXiv:2511.00002v3", "https://arxiv.org/abs/2511.00003", "2511.0000", "hep-th/9901001", "1764000000.000001",
        "C0GENERAL", "U0ALICE", "UPAPERBOT", "bookmark", "bookmark::skin-tone-2", "message", "reaction_added", "block_actions", "event_callback",
        "url_verification", "member_joined_channel", "channel_unarchive", "http://169.254.169.254/", "https://hooks.slack.com/x", "&lt;&gt;&amp;",
        "99999999999999999999999", "18446744073709551616", "1e309", "NaN", "null", "true", "{}", "[]", "\"", "\\", "((((", "))))",
        "OR", "-", "\"unterminated", "a OR", "NOT NOT NOT", "25:99 Mars/Olympus", "09:00 Europe/Paris", "09:00 Not/AZone", "99:99",
        "--backfill 20", "--min-upvotes -5", "--digest", "--page -1", "subscribe", "today", "papers", FuzzValues.LoneSurrogateMarker,
    ],
    ["type", "event", "event_id", "challenge", "user", "reaction", "item", "item_user", "channel", "ts", "id", "actions", "action_id", "value", "action_ts",
            "container", "channel_id", "message_ts", "message", "trigger_id", "response_url", "token", "payload", "envelope_id", "accepts_response_payload", "text"]);

    public static readonly JsonMutator Mutator = new(Values);
}
