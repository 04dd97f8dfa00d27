using System.Text.Json;

namespace PaperBot.Slack.SocketMode;

/// <summary>One Socket Mode frame: <c>hello</c>, <c>disconnect</c>, or a request envelope to acknowledge.</summary>
internal sealed record SocketEnvelope
{
    public string? Type { get; init; }

    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    /// <summary><c>disconnect</c>: why (<c>refresh_requested</c>, <c>too_many_websockets</c>...).</summary>
    public string? Reason { get; init; }

    public int? RetryAttempt { get; init; }
}
