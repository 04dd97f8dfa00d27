namespace PaperBot.Discord;

/// <summary>The <c>Discord:Gateway</c> section: the WebSocket connection that delivers reactions.</summary>
public sealed class DiscordGatewayOptions
{
    public static readonly TimeSpan DefaultShardLease = TimeSpan.FromSeconds(30);

    /// <summary>Connect to the Gateway so reactions save papers. Slash commands and buttons work without it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A fixed Gateway address (ws:// or wss://) instead of asking <c>GET /gateway/bot</c>; for tests and proxies.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// How many shards the bot's Gateway traffic is split into (Discord requires sharding from 2,500 servers). Absent: one
    /// connection without a shard, as a small bot needs.
    /// </summary>
    public int? ShardCount { get; set; }

    /// <summary>
    /// The one shard (0 to <see cref="ShardCount"/> - 1) this process connects; absent or <c>auto</c>: this process takes
    /// its share of the shards through the database's shard leases (all of them on LiteDB, where one process runs).
    /// </summary>
    public string? ShardId { get; set; }

    /// <summary>How long a replica's claim on its shards lasts without a heartbeat (renewed every third of it).</summary>
    public TimeSpan ShardLease { get; set; } = DefaultShardLease;
}
