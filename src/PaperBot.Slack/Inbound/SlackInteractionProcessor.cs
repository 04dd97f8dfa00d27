using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Saving;
using PaperBot.Core.Inbound;
using PaperBot.Slack.Blocks;

namespace PaperBot.Slack.Inbound;

/// <summary>
/// Button clicks. The Save button saves the paper of the message it is on (or, on any other message, the arXiv id
/// it carries) for the user who clicked, and confirms through <c>response_url</c> to that user only. Link buttons
/// also send a click; they need nothing but the acknowledgement. The work (store writes) runs through the
/// <see cref="CommandGate"/> after the click is acknowledged.
/// </summary>
internal sealed class SlackInteractionProcessor(
    ReadingList readingList,
    InboundEvents inboundEvents,
    FollowUps followUps,
    CommandGate gate,
    ILogger<SlackInteractionProcessor> logger)
{
    public void Handle(InteractionPayload payload)
    {
        if (!gate.TryRun(() => Task.FromResult(Apply(payload)), out var work))
        {
            followUps.Send("button click", payload.ResponseUrl,
                Task.FromResult<SlackMessage?>(ResultRenderer.Render(CommandDispatcher.Busy) with { ResponseType = "ephemeral", ReplaceOriginal = false }));
            return;
        }

        followUps.Send("button click", payload.ResponseUrl, work);
    }

    /// <summary>The confirmation to send, or null when there is nothing to say (not a Save click, or a repeat).</summary>
    private SlackMessage? Apply(InteractionPayload payload)
    {
        if (payload.Type != "block_actions" || payload.User?.Id is not { } userId || !SlackIds.IsValid(userId)
            || payload.Actions?.FirstOrDefault(a => a?.ActionId == PaperBlocks.SaveActionId) is not { } save)
        {
            return null;
        }

        var key = payload.TriggerId ?? $"{payload.ChannelId}:{payload.MessageTs}:{userId}:{save.ActionTs}";
        if (!inboundEvents.IsFirst(SlackIds.DedupKey("action", key)))
        {
            Log.Repeat(logger, "button click", key);
            return null;
        }

        var user = new UserRef(SlackPlatform.Name, userId);
        var posted = payload.ChannelId is { } channelId && payload.MessageTs is { } ts && SlackIds.IsValid(channelId) && SlackIds.IsValidTs(ts);
        var result = readingList.SaveFromButton(posted ? new ChannelRef(SlackPlatform.Name, payload.ChannelId!) : null, payload.MessageTs, user, save.Value);
        return ResultRenderer.Render(result) with { ResponseType = "ephemeral", ReplaceOriginal = false };
    }
}
