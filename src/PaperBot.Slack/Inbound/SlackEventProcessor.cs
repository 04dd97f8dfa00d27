using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Saving;
using PaperBot.Core.Inbound;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.Inbound;

/// <summary>
/// Applies Events API events once each (deduplicated on <c>event_id</c> in the persistent inbound log): the save
/// reaction added or removed on a paper PaperBot posted, and PaperBot joining a channel or it being unarchived.
/// The work (the duplicate check and the store writes) runs through the <see cref="CommandGate"/>; the request's
/// own thread waits for it at most <see cref="SlackCommandRunner.AckBudget"/>, so Slack's 3-second deadline holds.
/// </summary>
internal sealed class SlackEventProcessor(
    ReadingList readingList,
    ChannelLifecycle channels,
    InboundEvents inboundEvents,
    SlackBotIdentity identity,
    CommandGate gate,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackEventProcessor> logger)
{
    /// <summary>
    /// Queues the event's work and completes when it is done or the ack budget has passed, whichever comes first (the
    /// work goes on and its failure is logged). False when the gate is full: the event was not taken, and the caller
    /// answers so that Slack sends it again later (the inbound log makes a retry of an event already taken harmless).
    /// </summary>
    public async Task<bool> AcceptAsync(EventCallback callback, CancellationToken requestAborted)
    {
        if (!gate.TryRun(async () =>
            {
                await HandleAsync(callback, CancellationToken.None).ConfigureAwait(false);
                return true;
            }, out var work))
        {
            Log.EventRefused(logger, callback.EventId ?? "(no event_id)", gate.Waiting);
            return false;
        }

        if (!work.IsCompleted)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
            await Task.WhenAny(work, Task.Delay(SlackCommandRunner.AckBudget, time, budget.Token)).ConfigureAwait(false);
            await budget.CancelAsync().ConfigureAwait(false);
        }

        if (!work.IsCompleted)
        {
            _ = work.ContinueWith(t => Log.HandlerFailed(logger, t.Exception!.GetBaseException(), "event"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else if (work.Exception is { } failure)
        {
            Log.HandlerFailed(logger, failure.GetBaseException(), "event");
        }

        return true;
    }

    private async Task HandleAsync(EventCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Event is not { } slackEvent)
        {
            return;
        }

        if (callback.EventId is { Length: > 0 } eventId && !inboundEvents.IsFirst(SlackIds.DedupKey("event", eventId)))
        {
            Log.Repeat(logger, "event", eventId);
            return;
        }

        switch (slackEvent.Type)
        {
            case "reaction_added":
                await ApplyReactionAsync(slackEvent, save: true, cancellationToken).ConfigureAwait(false);
                break;
            case "reaction_removed":
                await ApplyReactionAsync(slackEvent, save: false, cancellationToken).ConfigureAwait(false);
                break;
            case "member_joined_channel":
                if (slackEvent.User is not null && slackEvent.User == await identity.UserIdAsync(cancellationToken).ConfigureAwait(false))
                {
                    Resume(slackEvent.Channel);
                }

                break;
            case "channel_unarchive":
                Resume(slackEvent.Channel);
                break;
        }
    }

    private async Task ApplyReactionAsync(SlackEvent reaction, bool save, CancellationToken cancellationToken)
    {
        // A skin-tone variant ("bookmark::skin-tone-2") is the same reaction.
        var name = reaction.Reaction?.Split("::", 2)[0];
        if (reaction.Item is not { Type: "message", Channel: { } channelId, Ts: { } ts }
            || reaction.User is not { } userId || !SlackIds.IsValid(userId) || !SlackIds.IsValid(channelId) || !SlackIds.IsValidTs(ts))
        {
            return;
        }

        // The bot's own hint reaction on its own post (its author reacting to it) is no one saving anything.
        var isSave = name == options.Value.SaveReaction;
        var byBot = isSave && (userId == reaction.ItemUser || userId == await identity.UserIdAsync(cancellationToken).ConfigureAwait(false));
        var result = readingList.ApplyReaction(new PostReaction(
            new ChannelRef(SlackPlatform.Name, channelId), ts, new UserRef(SlackPlatform.Name, userId), save, isSave, byBot));
        if (result is null)
        {
            return;
        }

        Log.ReactionApplied(logger, save ? "Saved" : "Unsaved", ts, channelId, userId, result.Outcome);
    }

    private void Resume(string? channelId)
    {
        if (!SlackIds.IsValid(channelId))
        {
            return;
        }

        if (channels.BotIsBack(new ChannelRef(SlackPlatform.Name, channelId)))
        {
            Log.ChannelResumed(logger, channelId);
        }
    }
}
