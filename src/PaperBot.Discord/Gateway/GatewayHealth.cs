using PaperBot.Core.Publishing;

namespace PaperBot.Discord.Gateway;

/// <summary>The Gateway's line in /healthz: each connection's state and, with leases, which replica holds which shard.</summary>
internal static class GatewayHealth
{
    public static PlatformHealthReport Describe(DiscordGatewayOptions options, IReadOnlyList<ShardRunner> runners, LeasedShards? leased)
    {
        if (!options.Enabled)
        {
            return new(true, "disabled by Discord:Gateway:Enabled");
        }

        if (runners.FirstOrDefault(r => r.StopReason is not null) is { } stopped)
        {
            var which = stopped.Shard is { } shard ? $" (shard {shard.Id} of {shard.Count})" : "";
            return new(false, $"Discord Gateway stopped{which}: {stopped.StopReason}. Reactions no longer save papers; slash commands and the Save button still work.");
        }

        if (leased is null)
        {
            return new(true, runners.Count == 0 ? "starting" : string.Join("; ", runners.Select(Connection)));
        }

        var mine = runners.Count == 0 ? "no shard" : string.Join("; ", runners.Select(Connection));
        var others = leased.Leases.Where(l => l.Owner != leased.Owner).Select(l => $"shard {l.ShardId} held by {l.Owner}");
        var free = Enumerable.Range(0, options.ShardCount ?? 0).Where(id => leased.Leases.All(l => l.ShardId != id)).ToList();
        var parts = new List<string> { $"this replica ({leased.Owner}): {mine}" };
        parts.AddRange(others);
        if (free.Count > 0)
        {
            parts.Add($"unclaimed: shard {string.Join(", ", free)}");
        }

        if (leased.Problem is { } problem)
        {
            parts.Add($"the shard leases could not be renewed: {problem}");
        }

        // Unclaimed shards are normal for a moment (a replica stopped); they are taken within one lease.
        return new(leased.Problem is null, string.Join("; ", parts));
    }

    private static string Connection(ShardRunner runner)
    {
        var state = runner.State switch
        {
            ShardState.WaitingToIdentify => "waiting for its identify turn",
            ShardState.Connecting => "connecting",
            ShardState.Ready => "connected",
            ShardState.Reconnecting => "reconnecting",
            _ => "stopped",
        };
        return runner.Shard is { } shard ? $"shard {shard.Id} of {shard.Count} {state}" : state;
    }
}
