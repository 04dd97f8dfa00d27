using System.Text.Json;
using System.Text.Json.Serialization;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Inbound;
using PaperBot.Slack.SocketMode;

namespace PaperBot.Slack.Api;

/// <summary>Every Slack payload PaperBot reads or writes, serialised without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ChatPostMessageRequest))]
[JsonSerializable(typeof(ReactionsAddRequest))]
[JsonSerializable(typeof(FilesCompleteUploadRequest))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(SectionBlock))]
[JsonSerializable(typeof(ContextBlock))]
[JsonSerializable(typeof(ActionsBlock))]
[JsonSerializable(typeof(SocketEnvelope))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(EventCallback))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(UrlVerificationAnswer))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
