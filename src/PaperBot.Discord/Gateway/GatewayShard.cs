namespace PaperBot.Discord.Gateway;

/// <summary>Shard <paramref name="Id"/> of <paramref name="Count"/>: identify sends it as <c>"shard": [id, count]</c>.</summary>
internal sealed record GatewayShard(int Id, int Count)
{
    /// <summary>The identify rate-limit bucket Discord puts this shard in.</summary>
    public int Bucket(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);

    /// <summary>The shard whose connection carries a server's events: <c>(guild_id &gt;&gt; 22) % count</c>.</summary>
    public static int ForGuild(ulong guildId, int count) => (int)((guildId >> 22) % (ulong)count);

    public override string ToString() => $"{Id}/{Count}";
}
