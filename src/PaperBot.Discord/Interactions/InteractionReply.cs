using PaperBot.Discord.Json;

namespace PaperBot.Discord.Interactions;

/// <summary>The HTTP answer to an interaction, and work that may start only once Discord has it (completing a deferral).</summary>
internal sealed record InteractionReply(InteractionResponse Response, Action? AfterSent = null)
{
    public static InteractionReply Message(MessagePayload payload) => new(new InteractionResponse(CallbackType.ChannelMessage, payload));
}
