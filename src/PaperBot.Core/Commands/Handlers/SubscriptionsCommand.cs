using PaperBot.Core.Commands.Model;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers subscriptions</c>: this channel's topics with their ids.</summary>
public sealed class SubscriptionsCommand(IChannelStore channels) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("subscriptions", "This channel's subscriptions, with their ids and options");

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult>(new SubscriptionListResult(
            context.Channel,
            channels.SubscriptionsOf(context.Channel),
            channels.FindChannel(context.Channel)?.PausedReason));
}
