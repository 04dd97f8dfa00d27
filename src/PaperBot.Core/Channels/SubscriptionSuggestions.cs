using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Channels;

/// <summary>A channel's subscriptions to suggest while someone types a subscription id (Discord's autocomplete).</summary>
public sealed class SubscriptionSuggestions(IChannelStore channels)
{
    /// <summary>
    /// The channel's subscriptions whose id starts with, or whose query contains, what was typed (a leading # is fine),
    /// at most <paramref name="max"/> of them with "all" last when it fits what was typed.
    /// </summary>
    public IReadOnlyList<Suggestion> For(ChannelRef channel, string? typed, int max)
    {
        var text = (typed ?? "").Trim().TrimStart('#');
        var subscriptions = channels.SubscriptionsOf(channel);
        var all = subscriptions.Count > 0 && "all".StartsWith(text, StringComparison.OrdinalIgnoreCase);
        var suggestions = subscriptions
            .Where(s => text.Length == 0
                || s.Id.ToString(CultureInfo.InvariantCulture).StartsWith(text, StringComparison.Ordinal)
                || s.Query.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(s => new Suggestion($"#{s.Id.ToString(CultureInfo.InvariantCulture)} {s.Query}", s.Id.ToString(CultureInfo.InvariantCulture)))
            .Take(all ? max - 1 : max)
            .ToList();
        if (all)
        {
            suggestions.Add(new($"all ({subscriptions.Count.ToString(CultureInfo.InvariantCulture)} subscriptions of this channel)", "all"));
        }

        return suggestions;
    }
}
