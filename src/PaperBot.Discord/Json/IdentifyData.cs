namespace PaperBot.Discord.Json;

/// <summary>Identify's data; <see cref="Shard"/> is <c>[shard_id, num_shards]</c>, left out when unsharded.</summary>
internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[]? Shard = null);
