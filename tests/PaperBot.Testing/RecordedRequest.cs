using System.Text.Json.Nodes;

namespace PaperBot.Testing;

/// <summary>One REST request as the fake Discord received it; <see cref="RawTarget"/> is the path as sent, still percent-encoded.</summary>
public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}";
}
