using System.Text.Json;

namespace PaperBot.Discord.Json;

/// <summary>Reads a JSON string that a client may have filled with anything, including escaped lone surrogates.</summary>
internal static class JsonText
{
    /// <summary>The string value, or null when it is not a string or is not valid UTF-16 text.</summary>
    public static string? SafeString(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // GetString throws for "\ud800" and similar: such a value is treated as missing, never as a 500.
            return null;
        }
    }
}
