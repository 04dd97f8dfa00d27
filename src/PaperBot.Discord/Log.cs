using Microsoft.Extensions.Logging;

namespace PaperBot.Discord;

/// <summary>Every log line of the Discord adapter, as compiled message templates. No token ever appears in one.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Discord rate-limited {Route} for {RetryAfterSeconds} s (global: {Global}); {Next}")]
    private static partial void RateLimited(ILogger logger, string route, double retryAfterSeconds, bool global, string next);

    public static void RateLimited(ILogger logger, string route, double retryAfterSeconds, bool global, bool giveUp) =>
        RateLimited(logger, route, retryAfterSeconds, global, giveUp ? "handing the wait back to the caller" : "waiting, then retrying");

    [LoggerMessage(2, LogLevel.Debug, "Refused an interaction request: {Problem}")]
    public static partial void BadSignature(ILogger logger, string problem);

    [LoggerMessage(3, LogLevel.Warning, "Refused an interaction request with a valid signature but an unreadable body: {Problem}")]
    public static partial void MalformedInteraction(ILogger logger, string problem);

    [LoggerMessage(4, LogLevel.Warning, "Could not complete the deferred answer to /papers {Subcommand}: {Problem}")]
    public static partial void DeferredAnswerFailed(ILogger logger, string subcommand, string problem);

    [LoggerMessage(6, LogLevel.Information, "Discord Gateway session ready as bot user {BotUserId}{Shard}")]
    public static partial void GatewayReady(ILogger logger, string botUserId, string shard);

    [LoggerMessage(7, LogLevel.Information, "Discord Gateway session resumed{Shard}")]
    public static partial void GatewayResumed(ILogger logger, string shard);

    [LoggerMessage(8, LogLevel.Warning, "Discord Gateway connection ended ({Reason}); {Next} in {DelaySeconds} s{Shard}")]
    public static partial void GatewayReconnecting(ILogger logger, string reason, string next, double delaySeconds, string shard);

    [LoggerMessage(9, LogLevel.Error, "Discord Gateway stopped for good{Shard}: {Reason}. Reactions will not save papers until this is fixed and PaperBot restarts; slash commands and the Save button keep working")]
    public static partial void GatewayStopped(ILogger logger, string reason, string shard);

    [LoggerMessage(10, LogLevel.Information, "Discord Gateway is off (Discord:Gateway:Enabled is false): reactions do not save papers, the Save button does")]
    public static partial void GatewayDisabled(ILogger logger);

    [LoggerMessage(11, LogLevel.Debug, "Reaction {Action} by user {UserId} on message {MessageId}: {Outcome}")]
    public static partial void ReactionHandled(ILogger logger, string action, string userId, string messageId, string outcome);

    [LoggerMessage(12, LogLevel.Error, "Could not apply a reaction on message {MessageId}")]
    public static partial void ReactionFailedToApply(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(13, LogLevel.Error, "The Discord Gateway connection failed unexpectedly; reconnecting")]
    public static partial void GatewayFailed(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "Could not complete the deferred answer to /papers {Subcommand}")]
    public static partial void DeferredAnswerCrashed(ILogger logger, Exception exception, string subcommand);

    [LoggerMessage(15, LogLevel.Warning, "Gave up the save-hint reaction on message {MessageId} in channel {ChannelId} after {Attempts} attempt(s): {Problem}. The post and its Save button are fine")]
    public static partial void SaveHintGaveUp(ILogger logger, string messageId, string channelId, int attempts, string problem);

    [LoggerMessage(16, LogLevel.Warning, "Discord recommends {Recommended} Gateway shards but Discord:Gateway:ShardCount is {ShardCount}; raise it (Discord requires sharding from 2,500 servers, and closes the Gateway with 4011 when a shard has too many)")]
    public static partial void FewerShardsThanRecommended(ILogger logger, int shardCount, int recommended);

    [LoggerMessage(17, LogLevel.Warning, "Discord's session starts for today are used up (session_start_limit.remaining is 0); shard {ShardId} identifies in {Minutes:0} min, when they reset")]
    public static partial void SessionStartsExhausted(ILogger logger, int shardId, double minutes);

    [LoggerMessage(18, LogLevel.Information, "Discord Gateway shards {Shards} of {ShardCount} are now this replica's ({Owner}); starting {Started}, stopping {Stopped}")]
    public static partial void ShardsAssigned(ILogger logger, string shards, int shardCount, string owner, string started, string stopped);

    [LoggerMessage(19, LogLevel.Warning, "Could not renew the Discord Gateway shard leases ({Reason}); {Next}")]
    public static partial void ShardLeaseFailed(ILogger logger, string reason, string next);

    [LoggerMessage(20, LogLevel.Warning, "Could not give up the Discord Gateway shard leases at stop ({Reason}); other replicas take the shards when the leases run out")]
    public static partial void ShardReleaseFailed(ILogger logger, string reason);
}
