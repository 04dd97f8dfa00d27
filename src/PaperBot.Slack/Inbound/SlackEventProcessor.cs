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
/// </summary>
internal sealed class SlackEventProcessor(
    ReadingList readingList,
    ChannelLifecycle channels,
    InboundEvents inboundEvents,
    SlackBotIdentity identity,
    IOptions<SlackOptions> options,
    ILogger<SlackEventProcessor> logger)
{
    public async Task HandleAsync(EventCallback callback, CancellationToken cancellationToken)
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

        var outcome = result switch
        {
            ConfirmationResult confirmation => confirmation.Message,
            ErrorResult error => error.Message,
            _ => result.GetType().Name,
        };
        Log.ReactionApplied(logger, save ? "Saved" : "Unsaved", ts, channelId, userId, outcome);
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
