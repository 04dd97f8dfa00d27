using System.Text.Json.Nodes;

namespace PaperBot.Testing.Fuzz;

/// <summary>
/// The hostile values a mutation plants: odd strings and numbers, and random JSON of any shape. Each platform's
/// fuzz passes its own vocabulary (the strings and property names its payloads use); the generators are shared.
/// </summary>
/// <param name="strings">Odd and meaningful strings to plant, e.g. ids, commands, injection attempts.</param>
/// <param name="propertyNames">Property names the platform's payloads use, so grafted fields hit real handlers.</param>
public sealed class FuzzValues(string[] strings, string[] propertyNames)
{
    /// <summary>Replaced after serialization by an escaped lone surrogate, which no <see cref="JsonNode"/> can hold.</summary>
    public const string LoneSurrogateMarker = "@@LONE-SURROGATE@@";

    /// <summary>What a huge string is made of: whole grapheme pieces, so no surrogate pair is ever split.</summary>
    private static readonly string[] Units = ["a", "🧪", "e\u0301", "\u202E", "#", "(", "\"", "\\", " ", "\u0000"];

    private static readonly double[] Numbers = [0, -0.0, 1, -1, 2, 3, 4, 5, 6, 7, 8, 16, 64, 255, 256, 1.5, -2.75, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1e15, 1e308, -1e308, double.Epsilon];

    public JsonNode? OddString(Random random) => random.Next(10) switch
    {
        0 => JsonValue.Create(string.Concat(Enumerable.Repeat(Pick(random, Units), random.Next(1, 4) switch { 1 => 600, 2 => 5_000, _ => 60_000 }))),
        1 => JsonValue.Create(RandomText(random, random.Next(1, 80))),
        _ => JsonValue.Create(strings[random.Next(strings.Length)]),
    };

    /// <summary>An odd string as plain text (possibly <see cref="LoneSurrogateMarker"/>), for form fields and command text.</summary>
    public string OddText(Random random) => OddString(random)!.GetValue<string>();

    public JsonNode? OddNumber(Random random) => random.Next(6) switch
    {
        0 => JsonNode.Parse("99999999999999999999999999999999"),
        1 => JsonNode.Parse("-1e-400"),
        2 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        _ => JsonValue.Create(Numbers[random.Next(Numbers.Length)]),
    };

    /// <summary>Any JSON value, nested at most <paramref name="depth"/> deep.</summary>
    public JsonNode? Any(Random random, int depth = 4) => random.Next(depth <= 0 ? 5 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => OddNumber(random),
        3 or 4 => OddString(random),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(5)).Select(_ => Any(random, depth - 1))]),
        _ => RandomObject(random, depth - 1),
    };

    /// <summary>A value wrapped in arrays and objects deeper than any parser's default limit, sometimes.</summary>
    public JsonNode? Deep(Random random)
    {
        var node = Any(random, 1);
        for (var i = random.Next(1, 200); i > 0; i--)
        {
            node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["options"] = node };
        }

        return node;
    }

    public string PropertyName(Random random) => random.Next(3) == 0
        ? RandomText(random, random.Next(0, 12))
        : Pick(random, propertyNames);

    private JsonObject RandomObject(Random random, int depth)
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
