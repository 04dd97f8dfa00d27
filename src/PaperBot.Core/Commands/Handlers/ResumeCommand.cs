using PaperBot.Core.Commands.Model;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers resume</c>: posting restarts, after a <c>/papers pause</c> or after PaperBot paused the channel
/// because it could not post there (once that is fixed).
/// </summary>
public sealed class ResumeCommand(IChannelStore channels, DeliverySignal signal, TimeProvider time) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("resume", "Restart posting to this channel") { ManagesChannel = true };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (!context.CanManageChannel)
        {
            return Task.FromResult<CommandResult>(ChannelPermission.Refusal(context, "resume this channel's posts"));
        }

        if (channels.FindChannel(context.Channel)?.PausedReason is not { } reason)
        {
            return Task.FromResult<CommandResult>(new ConfirmationResult("Posting here is not paused. Nothing changed."));
        }

        channels.SetPaused(context.Channel, null, time.GetUtcNow());
        signal.Request();
        return Task.FromResult<CommandResult>(new ConfirmationResult($"Resumed: new papers will be posted here again (it was paused: {reason})."));
    }
}
