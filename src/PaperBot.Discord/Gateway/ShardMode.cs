using System.Globalization;

namespace PaperBot.Discord.Gateway;

/// <summary>How this process picks its Gateway shards, from <c>Discord:Gateway:ShardCount</c> and <c>ShardId</c>.</summary>
internal sealed record ShardMode(int? Count, int? FixedId)
{
    public const string Auto = "auto";

    /// <summary>No shard: one connection that identifies without a shard field (today's small bot).</summary>
    public bool Unsharded => Count is null;

    /// <summary>A shard count without a fixed id: shards are shared among replicas by leases.</summary>
    public bool Leased => Count is not null && FixedId is null;

    public static ShardMode From(DiscordGatewayOptions options) =>
        new(options.ShardCount, TryParseId(options.ShardId, out var id) ? id : null);

    /// <summary>True for a shard number; false for absent or <c>auto</c> (and for garbage, which the validator refuses).</summary>
    public static bool TryParseId(string? value, out int id)
    {
        id = 0;
        return !string.IsNullOrWhiteSpace(value)
            && !string.Equals(value.Trim(), Auto, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    public static bool IsAuto(string? value) =>
        string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), Auto, StringComparison.OrdinalIgnoreCase);
}
