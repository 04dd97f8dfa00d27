using System.Text.Json;

namespace PaperBot.Discord.Json;

/// <summary>A Gateway frame as received: opcode, data, sequence number and event name.</summary>
internal sealed record GatewayFrame(int Op, JsonElement? D, long? S, string? T);
