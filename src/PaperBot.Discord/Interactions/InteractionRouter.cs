using PaperBot.Discord.Json;

namespace PaperBot.Discord.Interactions;

/// <summary>Sends a verified interaction to its handler by type; null means the payload lacks what its type needs.</summary>
internal sealed class InteractionRouter(
    CommandInteractionHandler commands,
    ComponentInteractionHandler components,
    AutocompleteHandler autocomplete)
{
    public async Task<InteractionReply?> RouteAsync(Interaction interaction, CancellationToken requestAborted) => interaction.Type switch
    {
        InteractionType.Ping => new InteractionReply(new InteractionResponse(CallbackType.Pong)),
        InteractionType.ApplicationCommand => await commands.HandleAsync(interaction, requestAborted).ConfigureAwait(false),
        InteractionType.MessageComponent => await components.HandleAsync(interaction, requestAborted).ConfigureAwait(false),
        InteractionType.Autocomplete => await autocomplete.HandleAsync(interaction, requestAborted).ConfigureAwait(false),
        _ => null,
    };
}
