using PaperBot.Core.Commands.Model;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers pause</c>: stop posting to this channel until <c>/papers resume</c>.</summary>
public sealed class PauseCommand(IChannelStore channels, TimeProvider time) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("pause", "Stop posting to this channel (subscriptions are kept) until /papers resume") { ManagesChannel = true };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (!context.CanManageChannel)
        {
            return Task.FromResult<CommandResult>(ChannelPermission.Refusal(context, "pause this channel's posts"));
        }

        if (channels.FindChannel(context.Channel)?.PausedReason is { } reason)
        {
            return Task.FromResult<CommandResult>(new ConfirmationResult($"Posting here is already paused: {reason}"));
        }

        var who = context.User.DisplayName ?? context.User.Id;
        channels.SetPaused(context.Channel, $"paused by {who} with /papers pause; /papers resume restarts it", time.GetUtcNow());
        return Task.FromResult<CommandResult>(new ConfirmationResult(
            "Paused: PaperBot posts nothing here until /papers resume. Papers listed meanwhile are not posted later."));
    }
}
