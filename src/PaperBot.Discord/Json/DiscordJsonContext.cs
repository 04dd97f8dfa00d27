using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Discord.Json;

/// <summary>Every Discord payload PaperBot reads or writes, serialized without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<RegisteredCommand>))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(CreatedMessage))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(GatewayFrame))]
[JsonSerializable(typeof(HeartbeatFrame))]
[JsonSerializable(typeof(IdentifyFrame))]
[JsonSerializable(typeof(ResumeFrame))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(ReactionEvent))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
