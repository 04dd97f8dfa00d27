using PaperBot.Core.Publishing;
using PaperBot.Slack.Api;

namespace PaperBot.Slack.Publishing;

/// <summary>Maps a failed chat.postMessage to what the dispatcher should do, with reasons people can act on.</summary>
internal static class PostFailures
{
    public static PublishOutcome Classify(SlackCallResult result) => result.Error switch
    {
        "not_in_channel" => new PublishOutcome.ChannelUnreachable(
            "PaperBot is not a member of this channel. Invite it with /invite @PaperBot; posting resumes when it joins (or with /papers resume)."),
        "channel_not_found" => new PublishOutcome.ChannelUnreachable(
            "Slack says this channel does not exist for PaperBot (it was deleted, or it is private and PaperBot was never invited). Invite it with /invite @PaperBot."),
        "is_archived" => new PublishOutcome.ChannelUnreachable(
            "This channel is archived, so PaperBot cannot post here. Posting resumes when it is unarchived (or with /papers resume)."),
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" => new PublishOutcome.PlatformUnavailable(
            $"Slack refuses Slack:BotToken ({result.Error}). Reinstall the app to the workspace and put its new Bot User OAuth Token (xoxb-...) in Slack:BotToken, then restart"),
        "missing_scope" => new PublishOutcome.PlatformUnavailable(
            "Slack:BotToken lacks the chat:write scope. Add chat:write and reactions:write under OAuth & Permissions (deploy/slack-app-manifest.yaml has them), reinstall the app and restart"),
        _ when result.RateLimited => new PublishOutcome.Transient("Slack rate limit (429)", result.RetryAfter),
        _ when result.IsSlackError => new PublishOutcome.Transient($"Slack refused the post ({result.Error})"),
        // No HTTP answer at all (reset, timeout): Slack may have posted it, so the retry looks in the history first.
        _ => new PublishOutcome.Transient($"Slack could not be reached: {result.Error}", result.RetryAfter, InDoubt: result.StatusCode is null),
    };
}
