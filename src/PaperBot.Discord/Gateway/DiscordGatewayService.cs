using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Publishing;
using PaperBot.Core.Sharding;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// The Gateway connections for reactions: one unsharded connection (no <c>Discord:Gateway:ShardCount</c>), one fixed shard
/// (<c>ShardId</c> set), or this replica's share of the shards by lease (<c>ShardId</c> absent or <c>auto</c>). Each
/// connection keeps its own session (<see cref="ShardRunner"/>); the rest of the adapter keeps working if one stops.
/// </summary>
internal sealed class DiscordGatewayService(
    DiscordRestClient rest,
    ReactionSaver reactions,
    IShardLeases leases,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService, IPlatformHealth
{
    private volatile IReadOnlyList<ShardRunner> _fixed = [];
    private volatile LeasedShards? _leased;

    /// <summary>Names this process in the shard leases: host, process and a random part (two hosts in one test process differ).</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Why a connection stopped for good (the first one that did), or null while they run.</summary>
    public string? StopReason => Runners.Select(r => r.StopReason).FirstOrDefault(r => r is not null);

    /// <summary>The connections this process runs now.</summary>
    public IReadOnlyList<ShardRunner> Runners => _leased?.Runners ?? _fixed;

    /// <summary>The lease keeper when shards are shared by lease; null otherwise.</summary>
    public LeasedShards? Leased => _leased;

    public string Name => "discord-gateway";

    public PlatformHealthReport Report() => GatewayHealth.Describe(options.Value.Gateway, Runners, _leased);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Gateway.Enabled)
        {
            Log.GatewayDisabled(logger);
            return;
        }

        var mode = ShardMode.From(settings.Gateway);
        var fixedUrl = string.IsNullOrWhiteSpace(settings.Gateway.Url) ? null : settings.Gateway.Url.Trim();
        var directory = new GatewayDirectory(rest, fixedUrl, mode.Count, logger);
        var gate = mode.Unsharded ? null : new IdentifyGate(leases, directory, time, logger);
        ShardRunner Runner(GatewayShard? shard) => new(shard, directory, gate, settings.BotToken!.Trim(), reactions, time, logger);

        if (mode.Leased)
        {
            _leased = new LeasedShards(leases, Owner, mode.Count!.Value, settings.Gateway.ShardLease, shard => Runner(shard), time, logger);
            await _leased.RunAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        var runner = Runner(mode.Unsharded ? null : new GatewayShard(mode.FixedId!.Value, mode.Count!.Value));
        _fixed = [runner];
        await runner.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
