using PaperBot.Core.Commands.Model;
using System.Text;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers subscribe &lt;query&gt; [options]</c>: new papers matching the query are posted to this channel,
/// instantly or as a daily digest. The answer echoes the normalised query and previews what it would have
/// matched in the last week, so the query can be tuned before it posts anything.
/// </summary>
public sealed class SubscribeCommand(IChannelStore channels, IPaperStore papers, IDeliveryStore deliveries, DeliverySignal signal, TimeProvider time)
    : ICommandHandler
{
    /// <summary>A channel with more topics than this is better served by fewer, broader queries.</summary>
    public const int MaxSubscriptionsPerChannel = 50;

    public const int PreviewDays = 7;

    public CommandSpec Spec => SubscribeOptions.Spec;

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken) =>
        Task.FromResult(Subscribe(context, arguments));

    private CommandResult Subscribe(CommandContext context, CommandArguments input)
    {
        if (!context.CanManageChannel)
        {
            return ChannelPermission.Refusal(context, "change this channel's subscriptions");
        }

        if (!SubscribeArguments.TryRead(input, out var arguments, out var optionError))
        {
            return new ErrorResult(optionError!, "See /papers help for the subscribe options.");
        }

        if (!TopicQuery.TryParse(arguments.Query, out var query, out var error))
        {
            return QueryErrors.Describe(arguments.Query, error);
        }

        if (query.HasAbout)
        {
            // Matching new papers by meaning needs their vectors at poll time, which the subscription index
            // does not have yet; refusing is better than a subscription that never posts.
            return new ErrorResult("about:\"...\" cannot be subscribed to yet: new papers are matched by their words only.",
                "Use about:\"...\" with /papers today, /papers saved or /papers search, and subscribe with words, e.g. robot grasping OR manipulation.");
        }

        var existing = channels.SubscriptionsOf(context.Channel);
        if (existing.FirstOrDefault(s => s.Query == query.Text) is { } same)
        {
            return new ConfirmationResult($"This channel is already subscribed to {query.Text} (#{same.Id}, {same.Options}). Nothing changed; " +
                "to change its options, unsubscribe and subscribe again.");
        }

        if (existing.Count >= MaxSubscriptionsPerChannel)
        {
            return new ErrorResult($"This channel already has {existing.Count} subscriptions, the most one channel can have.",
                "Combine topics with OR, or remove some with /papers unsubscribe <id>.");
        }

        var now = time.GetUtcNow();
        var subscription = channels.AddSubscription(context.Channel, query.Text, context.User.Key, now, arguments.Options);
        var recent = RecentMatches(query, arguments.Options.MinUpvotes, now);
        var message = new StringBuilder($"Subscribed this channel to {query.Text} (#{subscription.Id}, {subscription.Options}).");
        AppendPreview(message, recent);
        AppendBackfill(message, context, arguments.Backfill, recent, now);
        if (channels.FindChannel(context.Channel)?.PausedReason is { } paused)
        {
            message.Append($"\nNote: posting to this channel is paused: {paused}");
        }

        return new ConfirmationResult(message.ToString());
    }

    /// <summary>Stored papers of the last week that the query matches, most recent day first, then most upvoted.</summary>
    private List<Paper> RecentMatches(TopicQuery query, int? minUpvotes, DateTimeOffset now) =>
        papers.ListedSince(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - PreviewDays))
            .Where(p => p.Upvotes >= (minUpvotes ?? 0) && query.Matches(p))
            .OrderByDescending(p => p.ListedOn)
            .ThenByDescending(p => p.Upvotes)
            .ThenBy(p => p.ArxivId, StringComparer.Ordinal)
            .ToList();

    private static void AppendPreview(StringBuilder message, List<Paper> recent)
    {
        if (recent.Count == 0)
        {
            message.Append($"\nIn the last {PreviewDays} days it would have matched no paper: check the spelling, or try broader words or OR.");
            return;
        }

        message.Append($"\nIn the last {PreviewDays} days it would have matched {recent.Count} paper{(recent.Count == 1 ? "" : "s")}, the most upvoted being:");
        foreach (var paper in recent.OrderByDescending(p => p.Upvotes).ThenBy(p => p.ArxivId, StringComparer.Ordinal).Take(3))
        {
            message.Append($"\n  • {paper.Title} (▲{paper.Upvotes})");
        }
    }

    private void AppendBackfill(StringBuilder message, CommandContext context, int backfill, List<Paper> recent, DateTimeOffset now)
    {
        if (backfill == 0)
        {
            return;
        }

        var owed = recent.Take(backfill).Select(p => Delivery.New(context.Channel, p.ArxivId, [], now)).ToList();
        var added = deliveries.Enqueue(owed);
        signal.Request();
        message.Append(added == 0
            ? "\nBackfill: no recent match that this channel has not had already."
            : $"\nBackfill: posting the {added} most recent match{(added == 1 ? "" : "es")} now.");
    }
}
