using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Slack.Api;

/// <summary>The fields PaperBot reads from any Web API answer; unknown fields are ignored.</summary>
internal sealed record SlackApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    /// <summary>chat.postMessage: the new message's timestamp, which is its id.</summary>
    public string? Ts { get; init; }

    /// <summary>apps.connections.open: the single-use WebSocket URL.</summary>
    public string? Url { get; init; }

    /// <summary>auth.test: the bot's own user id.</summary>
    public string? UserId { get; init; }

    /// <summary>conversations.history: the most recent messages first.</summary>
    public IReadOnlyList<HistoryMessage>? Messages { get; init; }

    /// <summary>missing_scope: the scope the call needed.</summary>
    public string? Needed { get; init; }

    /// <summary>
    /// The channel: an object (<c>{"id":"D..."}</c>) from conversations.open, a bare id from chat.postMessage, so it is
    /// read as it comes.
    /// </summary>
    public JsonElement? Channel { get; init; }

    /// <summary>users.info: the user object (auth.test answers a name here, so it is read as it comes).</summary>
    public JsonElement? User { get; init; }

    /// <summary>files.getUploadURLExternal: where to POST the bytes. It works without a token, so it is never logged.</summary>
    public string? UploadUrl { get; init; }

    /// <summary>files.getUploadURLExternal: the id of the file being uploaded.</summary>
    public string? FileId { get; init; }

    /// <summary>conversations.open: the id of the direct message channel.</summary>
    [JsonIgnore]
    public string? OpenedChannelId =>
        Channel is { ValueKind: JsonValueKind.Object } channel && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
