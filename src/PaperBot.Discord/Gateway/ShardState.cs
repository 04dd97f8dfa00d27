namespace PaperBot.Discord.Gateway;

/// <summary>Where one Gateway connection (a shard, or the one unsharded connection) stands, for /healthz.</summary>
internal enum ShardState
{
    /// <summary>Waiting for its identify turn (Discord spaces identifies 5 s apart per bucket).</summary>
    WaitingToIdentify,

    Connecting,

    /// <summary>READY or RESUMED arrived: reactions flow.</summary>
    Ready,

    /// <summary>The connection ended; reconnecting after a pause.</summary>
    Reconnecting,

    /// <summary>Stopped for good (a close code retrying cannot fix).</summary>
    Stopped,
}
