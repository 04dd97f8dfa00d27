using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PaperBot.Slack.Tests.Support;

/// <summary>One request the fake Slack received: a Web API method call, a response_url post or a file upload.</summary>
public sealed record FakeSlackCall(string Method, string? Authorization, string Body)
{
    /// <summary>The body exactly as sent.</summary>
    public byte[] Bytes { get; init; } = [];

    public string? ContentType { get; init; }

    /// <summary>The request path, with anything secret it carried (upload URLs do).</summary>
    public string Path { get; init; } = "";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The fields of a form-encoded body.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Bytes)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
}
