using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Listing;

namespace PaperBot.Health;

/// <summary>Healthy while the listing reads fine; degraded, with the reason, when it is unreachable or changed layout.</summary>
public sealed class ListingHealthCheck(ListingHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = health.Current;
        var data = new Dictionary<string, object>();
        if (snapshot.At is { } at)
        {
            data["lastPoll"] = at.ToString("O");
        }

        return Task.FromResult(snapshot.Status switch
        {
            ListingHealthStatus.Degraded => HealthCheckResult.Degraded(snapshot.Description, data: data),
            ListingHealthStatus.Healthy => HealthCheckResult.Healthy(snapshot.Description, data),
            _ => HealthCheckResult.Healthy("starting: waiting for the first poll", data),
        });
    }
}
