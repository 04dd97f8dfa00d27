using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PaperBot.Testing.Slack;

/// <summary>One request the fake Slack received: a Web API method call, a response_url post or a file upload.</summary>
public sealed record FakeSlackCall(string Method, string? Authorization, string Body)
{
    /// <summary>The body exactly as sent.</summary>
    public byte[] Bytes { get; init; } = [];

    public string? ContentType { get; init; }

    /// <summary>The request path, with anything secret it carried (upload URLs do).</summary>
    public string Path { get; init; } = "";

    private JsonElement? _json;

    /// <summary>The body parsed as JSON (once).</summary>
    public JsonElement Json => _json ??= JsonDocument.Parse(Body).RootElement;

    /// <summary>Answered with a fault or a 429 instead of being carried out.</summary>
    public bool Refused { get; init; }

    /// <summary>When the fake received it.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The fields of a form-encoded body.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Bytes)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
}
