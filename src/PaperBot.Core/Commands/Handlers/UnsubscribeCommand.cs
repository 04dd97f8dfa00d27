using PaperBot.Core.Commands.Model;
using System.Globalization;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers unsubscribe &lt;id|all&gt;</c>.</summary>
public sealed class UnsubscribeCommand(IChannelStore channels) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("unsubscribe", "Stop one of this channel's subscriptions (ids are in /papers subscriptions), or all")
    {
        Options = [IdOption],
        ManagesChannel = true,
    };

    /// <summary>The subscription's id, or all; Discord suggests this channel's subscriptions as it is typed.</summary>
    public static CommandOptionSpec IdOption { get; } = new("id", OptionKind.Text, "The subscription's id (see /papers subscriptions), or all")
    {
        Positional = true, Required = true, Placeholder = "id|all", Autocomplete = true,
    };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (!context.CanManageChannel)
        {
            return Task.FromResult<CommandResult>(ChannelPermission.Refusal(context, "change this channel's subscriptions"));
        }

        return Task.FromResult(Unsubscribe(context, arguments.Text.Trim()));
    }

    private CommandResult Unsubscribe(CommandContext context, string argument)
    {
        if (argument.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var removed = channels.RemoveAllSubscriptions(context.Channel);
            return new ConfirmationResult(removed == 0
                ? "This channel had no subscriptions. Nothing changed."
                : $"Removed all {removed} subscription{(removed == 1 ? "" : "s")} of this channel.");
        }

        if (!int.TryParse(argument.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new ErrorResult(argument.Length == 0
                    ? "Which subscription? Give its id, or all."
                    : $"\"{argument}\" is not a subscription id.",
                "Write /papers unsubscribe 3 (ids are listed by /papers subscriptions) or /papers unsubscribe all.");
        }

        var subscription = channels.SubscriptionsOf(context.Channel).FirstOrDefault(s => s.Id == id);
        if (subscription is null || !channels.RemoveSubscription(context.Channel, id))
        {
            return new ErrorResult($"This channel has no subscription #{id}.", "See the ids with /papers subscriptions.");
        }

        return new ConfirmationResult($"Unsubscribed this channel from {subscription.Query} (#{id}).");
    }
}
