using PaperBot.Core.Commands.Model;
using System.Text;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers subscribe &lt;query&gt; [options]</c>: new papers matching the query are posted to this channel,
/// instantly or as a daily digest. The answer echoes the normalised query and previews what it would have
/// matched in the last week, so the query can be tuned before it posts anything. An about: query is matched by
/// meaning (at poll time, see <see cref="Polling.ListingPoller"/>, or as soon as a new paper has its vector), and its
/// preview shows the closest papers with their closeness.
/// </summary>
public sealed class SubscribeCommand(
    IChannelStore channels, IPaperStore papers, IDeliveryStore deliveries, DeliverySignal signal, TimeProvider time, PaperVectors? vectors = null)
    : ICommandHandler
{
    /// <summary>A channel with more topics than this is better served by fewer, broader queries.</summary>
    public const int MaxSubscriptionsPerChannel = 50;

    public const int PreviewDays = 7;

    public CommandSpec Spec => SubscribeOptions.Spec;

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments input, CancellationToken cancellationToken)
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

        if (query.HasAbout && vectors is null)
        {
            return AboutFilter.Unavailable();
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
        // The preview first: it embeds an about: sentence, and if the model fails, nothing is subscribed.
        var (recent, preview) = await RecentMatches.FindAsync(query, arguments.Options.MinUpvotes, PreviewDays, papers, vectors, now, cancellationToken)
            .ConfigureAwait(false);
        var subscription = channels.AddSubscription(context.Channel, query.Text, context.User.Key, now, arguments.Options);
        var message = new StringBuilder($"Subscribed this channel to {query.Text} (#{subscription.Id}, {subscription.Options}).");
        AppendPreview(message, preview);
        AppendBackfill(message, context, arguments.Backfill, recent, now);
        if (channels.FindChannel(context.Channel)?.PausedReason is { } paused)
        {
            message.Append($"\nNote: posting to this channel is paused: {paused}");
        }

        return new ConfirmationResult(message.ToString()) { Preview = preview };
    }

    private static void AppendPreview(StringBuilder message, SubscriptionPreview preview)
    {
        if (preview.Matched == 0)
        {
            message.Append(preview.Threshold is null
                ? $"\nIn the last {PreviewDays} days it would have matched no paper: check the spelling, or try broader words or OR."
                : $"\nIn the last {PreviewDays} days it would have matched no paper at closeness {Closeness(preview.Threshold)}.");
        }
        else
        {
            message.Append($"\nIn the last {PreviewDays} days it would have matched {preview.Matched} paper{(preview.Matched == 1 ? "" : "s")}, " +
                $"{(preview.Threshold is null ? "the most upvoted" : "the closest")} being:");
            foreach (var top in preview.Top)
            {
                message.Append($"\n  • {top.Paper.Title} (▲{top.Paper.Upvotes}{(top.Closeness is { } c ? $", closeness {Closeness(c)}" : "")})");
            }
        }

        if (preview.Threshold is not null)
        {
            if (preview.ClosestMiss is { Closeness: { } missed } miss)
            {
                message.Append($"\nThe closest paper it would not have matched: {miss.Paper.Title} (closeness {Closeness(missed)}).");
            }

            message.Append($"\nTo tune it, add ~strict, ~broad or ~N.N after the sentence (closeness counts standard deviations above a typical paper; " +
                $"this one asks for {Closeness(preview.Threshold)}).");
        }

        if (preview.WithoutVector > 0)
        {
            message.Append($"\n{preview.WithoutVector} paper{(preview.WithoutVector == 1 ? " of those days is" : "s of those days are")} still waiting " +
                "for the sentence model, so the preview could not judge them.");
        }
    }

    private static string Closeness(float? value) => value is { } v ? AboutCloseness.Format(v) : "";

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
