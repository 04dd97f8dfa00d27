using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Publishing;

namespace PaperBot.Health;

/// <summary>Degraded while a platform connection (Discord Gateway, Slack Socket Mode) has stopped for good.</summary>
public sealed class PlatformHealthCheck(IEnumerable<IPlatformHealth> platforms) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reports = platforms.Select(p => (p.Name, Report: p.Report())).ToList();
        var data = reports.ToDictionary(r => r.Name, r => (object)r.Report.Description);
        var failing = reports.Where(r => !r.Report.Healthy).ToList();
        return Task.FromResult(failing.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", failing.Select(r => r.Report.Description)), data: data)
            : HealthCheckResult.Healthy(reports.Count == 0 ? "no platform connection to watch" : "every platform connection is up", data));
    }
}
