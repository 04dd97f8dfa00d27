using PaperBot.Testing.Fuzz;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>The Discord fuzz's vocabulary for the shared generators: strings and property names its payloads use.</summary>
internal static class Vocabulary
{
    public static readonly FuzzValues Values = new(
    [
        "", " ", "\t\n", "\u0000", "\u202Eevil", "\uFEFF", "\u200B\u200D", "e\u0301\u0301\u0301", "🧪🤖", "Ω≈ç√∫", "ﷺ", "𝕒𝕘𝕖𝕟𝕥𝕤",
        "\u0085\u2028\u2029", "'; DROP TABLE subscriptions; --", "<@everyone>", "@here", "#1", "-1", "0", "all", "ALL", "save:",
        "save:../../etc/passwd", "save:2511.00001", "save:" + new string('9', 300), "2511.00001", "2511.0000", "hep-th/9901001",
        "99999999999999999999999", "18446744073709551616", "1e309", "NaN", "null", "true", "{}", "[]", "\"", "\\", "((((", "))))",
        "OR", "-", "\"unterminated", "a OR", "NOT NOT NOT", "25:99 Mars/Olympus", "09:00 Europe/Paris", "09:00 Not/AZone", "99:99",
        "--backfill 20", "--min-upvotes -5", "--digest", "page:-1", "subscribe", "today", "papers", FuzzValues.LoneSurrogateMarker,
    ],
    ["type", "data", "options", "name", "value", "focused", "custom_id", "member", "user", "id", "permissions", "channel_id", "token", "message", "guild_id", "component_type"]);

    public static readonly JsonMutator Mutator = new(Values);
}
