using System.Net;
using System.Text.Json;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Rest;

/// <summary>Discord's answer after rate limits were obeyed; <see cref="RetryAfter"/> is set for a 429 PaperBot did not wait out.</summary>
internal sealed record RestResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Discord's error code and message, such as "50013 Missing Permissions", when the body has them.</summary>
    public string ErrorText
    {
        get
        {
            var error = TryRead(DiscordJsonContext.Default.DiscordError);
            return error?.Message is { } message
                ? error.Code is { } code ? $"{code} {message}" : message
                : $"HTTP {(int)Status}";
        }
    }

    public T? TryRead<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return Body.Length == 0 ? null : JsonSerializer.Deserialize(Body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
