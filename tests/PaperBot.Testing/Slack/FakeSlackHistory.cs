using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperBot.Testing.Slack;

/// <summary>
/// The messages the fake Slack posted, per channel, so conversations.history can answer with them (newest first,
/// metadata included) as Slack does with <c>include_all_metadata</c>.
/// </summary>
public sealed class FakeSlackHistory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string Ts, JsonNode? Metadata)>> _byChannel = new(StringComparer.Ordinal);

    /// <summary>Messages posted so far, over all channels.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byChannel.Values.Sum(m => m.Count);
            }
        }
    }

    /// <summary>Every message posted so far, channel by channel, each channel's oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _byChannel.SelectMany(c => c.Value.Select(m => new FakeSlackMessage(c.Key, m.Ts, DeliveryIdOf(m.Metadata))))];
            }
        }
    }

    public void Add(string channel, string ts, JsonElement request)
    {
        var metadata = request.TryGetProperty("metadata", out var m) ? JsonNode.Parse(m.GetRawText()) : null;
        lock (_gate)
        {
            if (!_byChannel.TryGetValue(channel, out var messages))
            {
                _byChannel[channel] = messages = [];
            }

            messages.Add((ts, metadata));
        }
    }

    /// <summary>conversations.history's answer: the channel's latest <paramref name="limit"/> messages, newest first.</summary>
    public string Answer(string channel, int limit)
    {
        var messages = new JsonArray();
        lock (_gate)
        {
            var posted = _byChannel.GetValueOrDefault(channel) ?? [];
            foreach (var (ts, metadata) in Enumerable.Reverse(posted).Take(limit))
            {
                messages.Add(new JsonObject { ["type"] = "message", ["ts"] = ts, ["user"] = FakeSlack.BotUserId, ["metadata"] = metadata?.DeepClone() });
            }
        }

        return new JsonObject { ["ok"] = true, ["messages"] = messages, ["has_more"] = false }.ToJsonString();
    }

    private static string? DeliveryIdOf(JsonNode? metadata) =>
        metadata?["event_payload"]?["delivery_id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null;
}
