using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Channels;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Suggests this channel's subscriptions while someone types <c>/papers unsubscribe id:</c>. Autocomplete cannot be
/// deferred, so the store read runs through the <see cref="CommandGate"/> and, if it is not done within
/// <see cref="DiscordOptions.MaxDeferAfter"/>, the answer is an empty list rather than none at all.
/// </summary>
internal sealed class AutocompleteHandler(SubscriptionSuggestions subscriptions, CommandGate gate, TimeProvider time)
{
    public const int MaxChoices = 25;

    public async Task<InteractionReply?> HandleAsync(Interaction interaction, CancellationToken requestAborted)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context)
        {
            return null;
        }

        var focused = (interaction.Data?.Options ?? [])
            .SelectMany(o => o?.Options ?? [])
            .FirstOrDefault(o => o is { Focused: true } && o.Name == UnsubscribeCommand.IdOption.FieldName);
        var typed = focused?.Value is { } value ? JsonText.SafeString(value) : null;
        IReadOnlyList<SubscriptionSuggestion> suggestions = [];
        if (focused is not null && gate.TryRun(() => Task.FromResult(subscriptions.For(context.Channel, typed, MaxChoices)), out var read))
        {
            await Task.WhenAny(read, Task.Delay(DiscordOptions.MaxDeferAfter, time, requestAborted)).ConfigureAwait(false);
            suggestions = read.IsCompletedSuccessfully ? read.Result : [];
        }

        var choices = suggestions.Select(s => new CommandChoice(TextFit.Fit(TextFit.OneLine(s.Label, "?"), 100), s.Value)).ToList();
        return new InteractionReply(new InteractionResponse(CallbackType.AutocompleteResult, new MessagePayload { Choices = choices, AllowedMentions = null }));
    }
}
