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

        if (now.LastError is { } error)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"embedding papers failed: {error}", data: data));
        }

        var description = now.Waiting switch
        {
            null => "embedder not started yet",
            0 => $"every stored paper has a vector ({now.Embedded})",
            var w => $"embedding in the background: {now.Embedded} done, {w} to go",
        };
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}
