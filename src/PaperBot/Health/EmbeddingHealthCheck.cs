using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Semantic;

namespace PaperBot.Health;

/// <summary>How far the background embedder has got: healthy while it works through the backlog, degraded when it fails.</summary>
public sealed class EmbeddingHealthCheck(EmbeddingProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = progress.Current;
        var data = new Dictionary<string, object> { ["embedded"] = now.Embedded, ["embeddedThisRun"] = now.EmbeddedThisRun };
        if (now.Waiting is { } waiting)
        {
            data["waiting"] = waiting;
        }

        return Task.FromResult(now.LastError is null
            ? HealthCheckResult.Healthy(now.Description, data)
            : HealthCheckResult.Degraded(now.Description, data: data));
    }
}
