using System.Text.Json.Nodes;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>The hostile values a mutation plants: odd strings and numbers, and random JSON of any shape.</summary>
internal static class FuzzValues
{
    /// <summary>Replaced after serialization by an escaped lone surrogate, which no <see cref="JsonNode"/> can hold.</summary>
    public const string LoneSurrogateMarker = "@@LONE-SURROGATE@@";

    private static readonly string[] Strings =
    [
        "", " ", "\t\n", "\u0000", "\u202Eevil", "\uFEFF", "\u200B\u200D", "e\u0301\u0301\u0301", "🧪🤖", "Ω≈ç√∫", "ﷺ", "𝕒𝕘𝕖𝕟𝕥𝕤",
        "\u0085\u2028\u2029", "'; DROP TABLE subscriptions; --", "<@everyone>", "@here", "#1", "-1", "0", "all", "ALL", "paperbot_save",
        "../../etc/passwd", "2511.00001", "arXiv:2511.00002v3", "https://arxiv.org/abs/2511.00003", "2511.0000", "hep-th/9901001", "1764000000.000001",
        "C0GENERAL", "U0ALICE", "UPAPERBOT", "bookmark", "bookmark::skin-tone-2", "message", "reaction_added", "block_actions", "event_callback",
        "url_verification", "member_joined_channel", "channel_unarchive", "http://169.254.169.254/", "https://hooks.slack.com/x", "&lt;&gt;&amp;",
        "99999999999999999999999", "18446744073709551616", "1e309", "NaN", "null", "true", "{}", "[]", "\"", "\\", "((((", "))))",
        "OR", "-", "\"unterminated", "a OR", "NOT NOT NOT", "25:99 Mars/Olympus", "09:00 Europe/Paris", "09:00 Not/AZone", "99:99",
        "--backfill 20", "--min-upvotes -5", "--digest", "--page -1", "subscribe", "today", "papers", LoneSurrogateMarker,
    ];

    /// <summary>What a huge string is made of: whole grapheme pieces, so no surrogate pair is ever split.</summary>
    private static readonly string[] Units = ["a", "🧪", "e\u0301", "\u202E", "#", "(", "\"", "\\", " ", "\u0000"];

    private static readonly double[] Numbers = [0, -0.0, 1, -1, 2, 3, 4, 5, 6, 7, 8, 16, 64, 255, 256, 1.5, -2.75, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1e15, 1e308, -1e308, double.Epsilon];

    public static JsonNode? OddString(Random random) => random.Next(10) switch
    {
        0 => JsonValue.Create(string.Concat(Enumerable.Repeat(Pick(random, Units), random.Next(1, 4) switch { 1 => 600, 2 => 5_000, _ => 60_000 }))),
        1 => JsonValue.Create(RandomText(random, random.Next(1, 80))),
        _ => JsonValue.Create(Strings[random.Next(Strings.Length)]),
    };

    /// <summary>An odd string as plain text (possibly <see cref="LoneSurrogateMarker"/>), for form fields and command text.</summary>
    public static string OddText(Random random) => OddString(random)!.GetValue<string>();

    public static JsonNode? OddNumber(Random random) => random.Next(6) switch
    {
        0 => JsonNode.Parse("99999999999999999999999999999999"),
        1 => JsonNode.Parse("-1e-400"),
        2 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        _ => JsonValue.Create(Numbers[random.Next(Numbers.Length)]),
    };

    /// <summary>Any JSON value, nested at most <paramref name="depth"/> deep.</summary>
    public static JsonNode? Any(Random random, int depth = 4) => random.Next(depth <= 0 ? 5 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => OddNumber(random),
        3 or 4 => OddString(random),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(5)).Select(_ => Any(random, depth - 1))]),
        _ => RandomObject(random, depth - 1),
    };

    /// <summary>A value wrapped in arrays and objects deeper than any parser's default limit, sometimes.</summary>
    public static JsonNode? Deep(Random random)
    {
        var node = Any(random, 1);
        for (var i = random.Next(1, 200); i > 0; i--)
        {
            node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["options"] = node };
        }

        return node;
    }

    public static string PropertyName(Random random) => random.Next(3) == 0
        ? RandomText(random, random.Next(0, 12))
        : Pick(random, ["type", "event", "event_id", "challenge", "user", "reaction", "item", "item_user", "channel", "ts", "id", "actions", "action_id", "value", "action_ts",
            "container", "channel_id", "message_ts", "message", "trigger_id", "response_url", "token", "payload", "envelope_id", "accepts_response_payload", "text"]);

    private static JsonObject RandomObject(Random random, int depth)
    {
        var json = new JsonObject();
        for (var i = random.Next(5); i > 0; i--)
        {
            json[PropertyName(random)] = Any(random, depth);
        }

        return json;
    }

    private static string RandomText(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                // Mostly ASCII, some Latin-1, some BMP (never a lone surrogate: the marker covers those).
                var c = r.Next(4) switch { 0 => r.Next(0x20, 0x7F), 1 => r.Next(0, 0x20), 2 => r.Next(0xA0, 0x250), _ => r.Next(0x250, 0xD7FF) };
                span[i] = (char)c;
            }
        });

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
