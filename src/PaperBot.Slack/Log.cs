using Microsoft.Extensions.Logging;

namespace PaperBot.Slack;

/// <summary>Every log line of the Slack adapter as a compiled message template. No token or secret is ever an argument.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Slack rate-limited a post to {ChannelId}; waiting {RetryAfter} as Retry-After asks")]
    public static partial void RateLimited(ILogger logger, string channelId, TimeSpan retryAfter);

    [LoggerMessage(2, LogLevel.Warning, "Could not add the save reaction to message {Ts} in {ChannelId}: {Error}")]
    public static partial void ReactionFailed(ILogger logger, string channelId, string ts, string error);

    [LoggerMessage(4, LogLevel.Debug, "Skipped the save-hint reaction on message {Ts} in {ChannelId}: reactions.add is at Slack's rate limit (the Save button is there)")]
    public static partial void ReactionSkipped(ILogger logger, string channelId, string ts);

    [LoggerMessage(3, LogLevel.Information, "Slack adapter on in {Mode} mode; users save papers with :{Reaction}: or the Save button")]
    public static partial void Started(ILogger logger, string mode, string reaction);

    [LoggerMessage(10, LogLevel.Information, "Connected to Slack over Socket Mode")]
    public static partial void SocketConnected(ILogger logger);

    [LoggerMessage(11, LogLevel.Information, "Slack asked PaperBot to reconnect ({Reason}); opening a fresh connection")]
    public static partial void SocketDisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(12, LogLevel.Warning, "The Socket Mode connection failed ({Problem}); reconnecting in {Delay}")]
    public static partial void SocketRetrying(ILogger logger, string problem, TimeSpan delay);

    [LoggerMessage(13, LogLevel.Error, "Slack refuses Slack:AppToken ({Error}); Socket Mode is off until the token is fixed and PaperBot restarted. Create an app-level token with the connections:write scope under Basic Information > App-Level Tokens")]
    public static partial void AppTokenRefused(ILogger logger, string error);

    [LoggerMessage(14, LogLevel.Warning, "Ignored a Socket Mode frame PaperBot cannot read ({Problem})")]
    public static partial void BadFrame(ILogger logger, string problem);

    [LoggerMessage(15, LogLevel.Debug, "The acknowledgement of envelope {EnvelopeId} could not be sent ({Problem}); Slack will send it again")]
    public static partial void AckLost(ILogger logger, string envelopeId, string problem);

    [LoggerMessage(20, LogLevel.Debug, "Ignored repeated Slack {Kind} {Key}")]
    public static partial void Repeat(ILogger logger, string kind, string key);

    [LoggerMessage(21, LogLevel.Information, "{Action} paper of message {Ts} in {ChannelId} for user {UserId} by reaction: {Outcome}")]
    public static partial void ReactionApplied(ILogger logger, string action, string ts, string channelId, string userId, string outcome);

    [LoggerMessage(22, LogLevel.Warning, "Could not answer a Slack {Kind} through its response_url: {Error}")]
    public static partial void FollowUpFailed(ILogger logger, string kind, string error);

    [LoggerMessage(23, LogLevel.Warning, "Refused to answer through a response_url on host {Host}: it is not Slack's")]
    public static partial void ForeignResponseUrl(ILogger logger, string host);

    [LoggerMessage(43, LogLevel.Warning, "Slack event {EventId} refused for now ({Waiting} commands and events are waiting); Slack sends it again later")]
    public static partial void EventRefused(ILogger logger, string eventId, int waiting);

    [LoggerMessage(24, LogLevel.Error, "Handling a Slack {Kind} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(25, LogLevel.Information, "PaperBot was added to Slack channel {ChannelId} or it was unarchived; posting there resumes")]
    public static partial void ChannelResumed(ILogger logger, string channelId);

    [LoggerMessage(26, LogLevel.Information, "Sent export {FileName} ({Bytes} bytes) to user {UserId} in a direct message")]
    public static partial void ExportSent(ILogger logger, string fileName, int bytes, string userId);

    [LoggerMessage(27, LogLevel.Warning, "Could not send an export to user {UserId} as a file: step {Step} failed ({Error}); they got it inline")]
    public static partial void ExportFailed(ILogger logger, string step, string error, string userId);

    [LoggerMessage(28, LogLevel.Error, "Slack:BotToken lacks the {Scope} scope (step {Step}), so exports cannot be sent as files. Add the bot scopes files:write and im:write under OAuth & Permissions (deploy/slack-app-manifest.yaml has them) and reinstall the app")]
    public static partial void ExportScopeMissing(ILogger logger, string scope, string step);

    [LoggerMessage(40, LogLevel.Information, "Slack rate-limited {Method} (a permission check); holding it back for {RetryAfter}")]
    public static partial void LookupRateLimited(ILogger logger, string method, TimeSpan retryAfter);

    [LoggerMessage(41, LogLevel.Error, "Slack:BotToken lacks the {Scope} scope ({Method}), so PaperBot cannot tell who manages a channel and refuses changes it cannot check. Add the bot scopes users:read, channels:read and groups:read under OAuth & Permissions (deploy/slack-app-manifest.yaml has them) and reinstall the app, or set Slack:AnyoneCanManage")]
    public static partial void LookupScopeMissing(ILogger logger, string method, string scope);

    [LoggerMessage(42, LogLevel.Warning, "A permission check with Slack's {Method} failed: {Error}")]
    public static partial void LookupFailed(ILogger logger, string method, string error);

    [LoggerMessage(30, LogLevel.Warning, "Refused a Slack request to {Path}: {Problem}")]
    public static partial void RequestRefused(ILogger logger, string path, string problem);
}
