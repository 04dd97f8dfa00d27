using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Storage;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Suggests this channel's subscriptions while someone types <c>/papers unsubscribe id:</c>. Autocomplete cannot be
/// deferred, so the store read runs through the <see cref="CommandGate"/> and, if it is not done within
/// <see cref="DiscordOptions.MaxDeferAfter"/>, the answer is an empty list rather than none at all.
/// </summary>
internal sealed class AutocompleteHandler(IChannelStore channels, CommandGate gate, TimeProvider time)
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
        var typed = (focused?.Value is { } value ? JsonText.SafeString(value) : null)?.Trim().TrimStart('#') ?? "";
        IReadOnlyList<Core.Channels.Subscription> subscriptions = [];
        if (focused is not null && gate.TryRun(() => Task.FromResult(channels.SubscriptionsOf(context.Channel)), out var read))
        {
            await Task.WhenAny(read, Task.Delay(DiscordOptions.MaxDeferAfter, time, requestAborted)).ConfigureAwait(false);
            subscriptions = read.IsCompletedSuccessfully ? read.Result : [];
        }

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

        return new InteractionReply(new InteractionResponse(CallbackType.AutocompleteResult, new MessagePayload { Choices = choices, AllowedMentions = null }));
    }
}
