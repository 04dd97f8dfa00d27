using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Listing;
using PaperBot.Core.Replicas;
using PaperBot.Core.Storage;

namespace PaperBot.Health;

/// <summary>Healthy while the listing reads fine; degraded, with the reason, when it is unreachable or changed layout.</summary>
public sealed class ListingHealthCheck(ListingHealth health, Leadership? leadership = null, IPollStore? polls = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = health.Current;
        var data = new Dictionary<string, object>();
        if (snapshot.At is { } at)
        {
            data["lastPoll"] = at.ToString("O");
        }

        // A replica that never polled (another one leads) reports the shared poll state instead of "waiting".
        if (snapshot.At is null && leadership is { Shared: true, Leads: false } && polls is not null)
        {
            if (polls.GetPollState().LastSuccessAt is { } last)
            {
                data["lastPoll"] = last.ToString("O");
            }

            return Task.FromResult(HealthCheckResult.Healthy("another replica polls the listing (see replicas)", data));
        }

        return Task.FromResult(snapshot.Status switch
        {
            ListingHealthStatus.Degraded => HealthCheckResult.Degraded(snapshot.Description, data: data),
            ListingHealthStatus.Healthy => HealthCheckResult.Healthy(snapshot.Description, data),
            _ => HealthCheckResult.Healthy("starting: waiting for the first poll", data),
        });
    }
}
