using System.Text.Json;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Interactions;

/// <summary>The HTTP answer to an interaction, and work that may start only once Discord has it (completing a deferral).</summary>
internal sealed record InteractionReply(InteractionResponse Response, Action? AfterSent = null)
{
    private byte[]? _json;

    /// <summary>The answer's JSON, serialized once: a remembered answer is sent again as the same bytes.</summary>
    public byte[] Json => _json ??= JsonSerializer.SerializeToUtf8Bytes(Response, DiscordJsonContext.Default.InteractionResponse);

    public static InteractionReply Message(MessagePayload payload) => new(new InteractionResponse(CallbackType.ChannelMessage, payload));
}
