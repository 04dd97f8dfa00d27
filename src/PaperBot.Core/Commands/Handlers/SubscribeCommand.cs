using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers subscribe &lt;query&gt;</c>: new papers matching the query are posted to this channel.</summary>
public sealed class SubscribeCommand(IChannelStore channels, TimeProvider time) : ICommandHandler
{
    /// <summary>A channel with more topics than this is better served by fewer, broader queries.</summary>
    public const int MaxSubscriptionsPerChannel = 50;

    public string Name => "subscribe";

    public CommandHelp Help { get; } = new("/papers subscribe <query>",
        "Post new papers matching the query to this channel, e.g. /papers subscribe \"world model\" OR robotics -survey");

    public Task<CommandResult> ExecuteAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        if (!context.CanManageChannel)
        {
            return Task.FromResult<CommandResult>(ChannelPermission.Refusal("change this channel's subscriptions"));
        }

        if (!TopicQuery.TryParse(arguments, out var query, out var error))
        {
            return Task.FromResult<CommandResult>(QueryErrors.Describe(arguments, error));
        }

        var existing = channels.SubscriptionsOf(context.Channel);
        var same = existing.FirstOrDefault(s => s.Query == query.Text);
        if (same is not null)
        {
            return Task.FromResult<CommandResult>(new ConfirmationResult($"This channel is already subscribed to {query.Text} (#{same.Id}). Nothing changed."));
        }

        if (existing.Count >= MaxSubscriptionsPerChannel)
        {
            return Task.FromResult<CommandResult>(new ErrorResult(
                $"This channel already has {existing.Count} subscriptions, the most one channel can have.",
                "Combine topics with OR, or remove some with /papers unsubscribe <id>."));
        }

        var subscription = channels.AddSubscription(context.Channel, query.Text, context.User.Key, time.GetUtcNow());
        var paused = channels.FindChannel(context.Channel)?.PausedReason;
        var message = $"Subscribed this channel to {query.Text} (#{subscription.Id}). New papers that match will be posted here.";
        if (paused is not null)
        {
            message += $" Note: posting to this channel is paused: {paused}";
        }

        return Task.FromResult<CommandResult>(new ConfirmationResult(message));
    }
}
