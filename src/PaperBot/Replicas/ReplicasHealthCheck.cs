using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Replicas;

namespace PaperBot.Replicas;

/// <summary>Every replica on the database (id, host, start, last heartbeat), which one polls, and which one answered.</summary>
internal sealed class ReplicasHealthCheck(IReplicaCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var replicas = coordinator.Replicas();
        var leader = replicas.FirstOrDefault(r => r.Leads && r.Alive);
        var data = new Dictionary<string, object>
        {
            ["self"] = coordinator.Self.Id,
            ["replicas"] = replicas.Select(r => new Dictionary<string, object>
            {
                ["id"] = r.Id,
                ["host"] = r.Host,
                ["started"] = r.StartedAt.ToString("O"),
                ["lastHeartbeat"] = r.LastHeartbeat.ToString("O"),
                ["alive"] = r.Alive,
                ["polls"] = r.Leads && r.Alive,
            }).ToList(),
        };
        if (leader is not null)
        {
            data["polling"] = leader.Id;
        }

        var alive = replicas.Count(r => r.Alive);
        return Task.FromResult(leader is null
            ? HealthCheckResult.Degraded(
                $"{alive} replica{(alive == 1 ? "" : "s")} alive and none polls: the leader's lease expired; another replica takes over within "
                + $"{coordinator.LeaseDuration.TotalSeconds / 3:0.#} s", data: data)
            : HealthCheckResult.Healthy($"{alive} replica{(alive == 1 ? "" : "s")} alive; {leader.Id} polls", data));
    }
}
