namespace PaperBot.Discord.Tests.Support;

/// <summary>A session the client started on the fake Gateway: which shard, when (the fake's clock), on which connection.</summary>
internal sealed record GatewayStart(GatewayStartKind Kind, int? ShardId, int? ShardCount, string SessionId, AutoGatewaySession Session)
{
    public DateTimeOffset At { get; init; }

    /// <summary>The order the fake saw it in, from 1.</summary>
    public int Number { get; init; }
}
