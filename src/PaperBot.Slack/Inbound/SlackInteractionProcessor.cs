using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Saving;
using PaperBot.Core.Storage;
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
    IInboundEventLog eventLog,
    FollowUps followUps,
    CommandGate gate,
    TimeProvider time,
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
        if (!eventLog.TryRecord(SlackIds.DedupKey("action", key), time.GetUtcNow()))
        {
            Log.Repeat(logger, "button click", key);
            return null;
        }

        var user = new UserRef(SlackPlatform.Name, userId);
        var result = payload.ChannelId is { } channelId && payload.MessageTs is { } ts && SlackIds.IsValid(channelId) && SlackIds.IsValidTs(ts)
            ? readingList.SaveFromPost(new ChannelRef(SlackPlatform.Name, channelId), ts, user)
            : null;
        if (result is null or ErrorResult && ArxivId.TryNormalize(save.Value, out var arxivId))
        {
            result = readingList.Save(user, arxivId);
        }

        result ??= new ErrorResult("That button carries no paper to save.");
        return ResultRenderer.Render(result) with { ResponseType = "ephemeral", ReplaceOriginal = false };
    }
}
