using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Suggests values for the option being typed when its spec asks for it (<see cref="CommandOptionSpec.Autocomplete"/>):
/// this channel's subscriptions for <c>/papers unsubscribe id:</c>, the latest day's papers for an arXiv id
/// (<c>similar</c>, <c>save</c>). The suggestions come from Core. Autocomplete cannot be deferred, so the store read
/// runs through the <see cref="CommandGate"/> and, if it is not done within <see cref="DiscordOptions.MaxDeferAfter"/>,
/// the answer is an empty list rather than none at all.
/// </summary>
internal sealed class AutocompleteHandler(
    CommandCatalog catalog, SubscriptionSuggestions subscriptions, PaperSuggestions papers, CommandGate gate, TimeProvider time)
{
    public const int MaxChoices = 25;

    public async Task<InteractionReply?> HandleAsync(Interaction interaction, CancellationToken requestAborted)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context)
        {
            return null;
        }

        var subcommand = (interaction.Data?.Options ?? []).FirstOrDefault(o => o is not null);
        var focused = (subcommand?.Options ?? []).FirstOrDefault(o => o is { Focused: true });
        var option = subcommand?.Name is { } name && focused?.Name is { } field
            ? catalog.Find(name)?.Options.FirstOrDefault(o => o.FieldName == field && o.Autocomplete)
            : null;
        var typed = focused?.Value is { } value ? JsonText.SafeString(value) : null;
        Func<IReadOnlyList<Suggestion>>? read = option switch
        {
            null => null,
            _ when option == UnsubscribeCommand.IdOption => () => subscriptions.For(context.Channel, typed, MaxChoices),
            _ when option == CommonOptions.SuggestedArxivId => () => papers.For(typed, MaxChoices),
            _ => null,
        };

        var suggestions = read is null ? [] : await RunAsync(read, requestAborted).ConfigureAwait(false);
        var choices = suggestions.Select(s => new CommandChoice(TextFit.Fit(TextFit.OneLine(s.Label, "?"), 100), s.Value)).ToList();
        return new InteractionReply(new InteractionResponse(CallbackType.AutocompleteResult, new MessagePayload { Choices = choices, AllowedMentions = null }));
    }

    // The store is read on the gate's threads; past the deadline the answer is an empty list.
    private async Task<IReadOnlyList<Suggestion>> RunAsync(Func<IReadOnlyList<Suggestion>> read, CancellationToken requestAborted)
    {
        if (!gate.TryRun(() => Task.FromResult(read()), out var running))
        {
            return [];
        }

        await Task.WhenAny(running, Task.Delay(DiscordOptions.MaxDeferAfter, time, requestAborted)).ConfigureAwait(false);
        return running.IsCompletedSuccessfully ? running.Result : [];
    }
}
