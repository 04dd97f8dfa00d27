using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using PaperBot.Core.Channels;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>
/// Reads each signed fuzz body independently of PaperBot's handlers to learn which channels a slash command named
/// and which users any request named, so the test can tell a stored row that should exist from one that should not.
/// </summary>
internal sealed class FuzzOracle
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Channels a signed, complete slash command named (the only way a subscription is made).</summary>
    public ConcurrentDictionary<string, byte> CommandChannels { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte> Users { get; } = new(StringComparer.Ordinal);

    public void Observe(FuzzCase fuzz)
    {
        try
        {
            switch (fuzz.Endpoint)
            {
                case FuzzEndpoint.Commands:
                    var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(fuzz.Body));
                    var channel = form.TryGetValue("channel_id", out var c) ? c.ToString() : "";
                    var user = form.TryGetValue("user_id", out var u) ? u.ToString() : "";
                    if (channel.Length > 0 && user.Length > 0)
                    {
                        CommandChannels[channel] = 0;
                        Users[user] = 0;
                    }

                    break;
                case FuzzEndpoint.Events:
                    ReadJson(fuzz.Body, "event", "user");
                    break;
                default:
                    var payload = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(fuzz.Body));
                    if (payload.TryGetValue("payload", out var json))
                    {
                        ReadJson(Encoding.UTF8.GetBytes(json.ToString()), "user", "id");
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid UTF-16: no user PaperBot could store either.
        }
    }

    /// <summary>A Socket Mode envelope's payload, read field by field (a field that is not valid text names no one).</summary>
    public void ObserveEnvelope(string? type, JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } p)
        {
            return;
        }

        switch (type)
        {
            case "slash_commands" when Text(p, "channel_id") is { Length: > 0 } channel && Text(p, "user_id") is { Length: > 0 } user:
                CommandChannels[channel] = 0;
                Users[user] = 0;
                break;
            case "events_api" when p.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object && Text(e, "user") is { } reacting:
                Users[reacting] = 0;
                break;
            case "interactive" when p.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object && Text(u, "id") is { } clicking:
                Users[clicking] = 0;
                break;
        }
    }

    private static string? Text(JsonElement holder, string name)
    {
        try
        {
            return holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void ReadJson(byte[] body, string holder, string field)
    {
        using var document = JsonDocument.Parse(body, Options);
        if (document.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty(holder, out var inner) && inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty(field, out var id) && id.ValueKind == JsonValueKind.String)
        {
            Users[id.GetString()!] = 0;
        }
    }

    public IEnumerable<UserRef> UserRefs() => Users.Keys.Select(id => new UserRef("slack", id));
}
