namespace PaperBot.Discord.Gateway;

/// <summary>What to do after a Gateway connection ends.</summary>
internal enum GatewayNext
{
    /// <summary>Reconnect and resume the session (drops, op 7, op 9 true, resumable close codes).</summary>
    Resume,

    /// <summary>Reconnect and identify afresh (op 9 false, 4007, 4009).</summary>
    Identify,

    /// <summary>Do not reconnect: the close code says retrying cannot help (4004, 4010-4014).</summary>
    Stop,
}
