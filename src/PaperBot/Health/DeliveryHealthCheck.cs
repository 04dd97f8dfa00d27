using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;

namespace PaperBot.Health;

/// <summary>
/// Degraded while a whole platform cannot be posted to (revoked token); lists every paused channel with its
/// reason, so an operator sees what the channels' users see in /papers subscriptions.
/// </summary>
public sealed class DeliveryHealthCheck(DeliveryDispatcher dispatcher, IChannelStore channels) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var paused = channels.PausedChannels();
        if (paused.Count > 0)
        {
            data["pausedChannels"] = paused.ToDictionary(c => c.Channel.Key, c => c.PausedReason!);
        }

        var unavailable = dispatcher.UnavailablePlatforms;
        if (unavailable.Count > 0)
        {
            data["unavailablePlatforms"] = unavailable;
            var reasons = string.Join("; ", unavailable.Select(kv => $"{kv.Key}: {kv.Value}"));
            return Task.FromResult(HealthCheckResult.Degraded($"cannot post: {reasons}", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(
            paused.Count == 0 ? "posting to every channel" : $"posting; {paused.Count} channel{(paused.Count == 1 ? " is" : "s are")} paused", data));
    }
}
