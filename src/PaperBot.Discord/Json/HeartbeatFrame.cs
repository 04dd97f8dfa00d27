using System.Text.Json.Serialization;

namespace PaperBot.Discord.Json;

/// <summary>op 1: <c>d</c> is the last sequence number, or null before any dispatch (and must be sent as null).</summary>
internal sealed record HeartbeatFrame([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D)
{
    public int Op => 1;
}
