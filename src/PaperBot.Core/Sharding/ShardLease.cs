namespace PaperBot.Core.Sharding;

/// <summary>Shard <paramref name="ShardId"/> is held by <paramref name="Owner"/> until <paramref name="Until"/> (unless renewed).</summary>
public sealed record ShardLease(int ShardId, string Owner, DateTimeOffset Until);
