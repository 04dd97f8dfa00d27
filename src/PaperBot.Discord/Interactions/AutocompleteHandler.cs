using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Storage;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Suggests this channel's subscriptions while someone types <c>/papers unsubscribe id:</c>, and the latest day's
/// papers while someone types <c>/papers similar arxiv_id:</c> or <c>/papers save arxiv_id:</c>. Autocomplete cannot be
/// deferred, so the store read runs through the <see cref="CommandGate"/> and, if it is not done within
/// <see cref="DiscordOptions.MaxDeferAfter"/>, the answer is an empty list rather than none at all.
/// </summary>
internal sealed class AutocompleteHandler(IChannelStore channels, IPaperStore papers, CommandGate gate, TimeProvider time)
{
    public const int MaxChoices = 25;

    public async Task<InteractionReply?> HandleAsync(Interaction interaction, CancellationToken requestAborted)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context)
        {
            return null;
        }

        var subcommand = (interaction.Data?.Options ?? []).FirstOrDefault(o => o is not null);
        if (subcommand?.Name is "similar" or "save")
        {
            var paperOption = (subcommand.Options ?? []).FirstOrDefault(o => o is { Focused: true, Name: CommandCatalog.ArxivId });
            var text = (paperOption?.Value is { } typedId ? JsonText.SafeString(typedId) : null)?.Trim() ?? "";
            return Reply(paperOption is null ? [] : await RunAsync(() => PaperChoices.For(papers, text), requestAborted).ConfigureAwait(false));
        }

        var focused = (subcommand?.Options ?? [])
            .FirstOrDefault(o => o is { Focused: true, Name: CommandCatalog.UnsubscribeId });
        var typed = (focused?.Value is { } value ? JsonText.SafeString(value) : null)?.Trim().TrimStart('#') ?? "";
        IReadOnlyList<Core.Channels.Subscription> subscriptions = focused is null
            ? []
            : await RunAsync(() => channels.SubscriptionsOf(context.Channel), requestAborted).ConfigureAwait(false);

        var choices = subscriptions
            .Where(s => typed.Length == 0
                || s.Id.ToString(CultureInfo.InvariantCulture).StartsWith(typed, StringComparison.Ordinal)
                || s.Query.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CommandChoice(TextFit.Fit($"#{s.Id} {TextFit.OneLine(s.Query, "?")}", 100), s.Id.ToString(CultureInfo.InvariantCulture)))
            .Take(MaxChoices - 1)
            .ToList();
        if (subscriptions.Count > 0 && "all".StartsWith(typed, StringComparison.OrdinalIgnoreCase))
        {
            choices.Add(new CommandChoice($"all ({subscriptions.Count} subscriptions of this channel)", "all"));
        }

        return Reply(choices);
    }

    private static InteractionReply Reply(IReadOnlyList<CommandChoice> choices) =>
        new(new InteractionResponse(CallbackType.AutocompleteResult, new MessagePayload { Choices = choices, AllowedMentions = null }));

    // The store is read on the gate's threads; past the deadline the answer is an empty list.
    private async Task<IReadOnlyList<T>> RunAsync<T>(Func<IReadOnlyList<T>> read, CancellationToken requestAborted)
    {
        if (!gate.TryRun(() => Task.FromResult(read()), out var running))
        {
            return [];
        }

        await Task.WhenAny(running, Task.Delay(DiscordOptions.MaxDeferAfter, time, requestAborted)).ConfigureAwait(false);
        return running.IsCompletedSuccessfully ? running.Result : [];
    }
}
