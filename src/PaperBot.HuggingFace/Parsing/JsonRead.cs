using System.Globalization;
using System.Text.Json;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// Tolerant accessors over <see cref="JsonElement"/>: the listing is not a contract, so a missing
/// field or a field of the wrong type reads as null instead of failing the whole listing.
/// </summary>
internal static class JsonRead
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>A string, or a number's literal text (an id sent as a number keeps its digits).</summary>
    public static string? String(this JsonElement element, string name) =>
        element.Property(name) switch
        {
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => null,
        };

    public static int? Int(this JsonElement element, string name)
    {
        switch (element.Property(name))
        {
            case { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var whole):
                return (int)Math.Clamp(whole, int.MinValue, int.MaxValue);
            case { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var real) && double.IsFinite(real):
                return (int)Math.Clamp(Math.Round(real), int.MinValue, int.MaxValue);
            case { ValueKind: JsonValueKind.String } value
                when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return (int)Math.Clamp(parsed, int.MinValue, int.MaxValue);
            default:
                return null;
        }
    }

    /// <summary>An ISO 8601 timestamp; one without an offset is taken as UTC, as Hugging Face means it.</summary>
    public static DateTimeOffset? Timestamp(this JsonElement element, string name) =>
        DateTimeOffset.TryParse(element.String(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>The UTC calendar date of a timestamp.</summary>
    public static DateOnly UtcDate(this DateTimeOffset timestamp) => DateOnly.FromDateTime(timestamp.UtcDateTime);

    /// <summary>A day written <c>2026-11-24</c>, or the UTC date of a full timestamp.</summary>
    public static DateOnly? Day(this JsonElement element, string name)
    {
        var text = element.String(name);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return element.Timestamp(name)?.UtcDate();
    }
}
