using System.Globalization;
using PaperBot.Core.Storage;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>Suggests this channel's subscriptions while someone types <c>/papers unsubscribe id:</c>.</summary>
internal sealed class AutocompleteHandler(IChannelStore channels)
{
    public const int MaxChoices = 25;

    public InteractionReply? Handle(Interaction interaction)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context)
        {
            return null;
        }

        var focused = (interaction.Data?.Options ?? [])
            .SelectMany(o => o?.Options ?? [])
            .FirstOrDefault(o => o is { Focused: true, Name: CommandCatalog.UnsubscribeId });
        var typed = (focused?.Value is { } value ? JsonText.SafeString(value) : null)?.Trim().TrimStart('#') ?? "";
        var subscriptions = focused is null ? [] : channels.SubscriptionsOf(context.Channel);
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
