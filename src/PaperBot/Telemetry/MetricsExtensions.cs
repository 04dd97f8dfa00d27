using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PaperBot.Core.Storage;
using PaperBot.Core.Telemetry;

namespace PaperBot.Telemetry;

/// <summary>PaperBot's meters through OpenTelemetry, scraped in the Prometheus text format at <c>GET /metrics</c>.</summary>
internal static class MetricsExtensions
{
    public const string Path = "/metrics";

    public static IServiceCollection AddPaperBotMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("paperbot")).WithMetrics(metrics => metrics
            .AddMeter(PaperBotMetrics.MeterName)
            .AddMeter("System.Runtime")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <c>/metrics</c>, open like <c>/healthz</c>; the outbox gauge reads the store only when scraped.</summary>
    public static WebApplication MapPaperBotMetrics(this WebApplication app)
    {
        var services = app.Services;
        services.GetRequiredService<PaperBotMetrics>().ObserveOutboxPending(() => services.GetRequiredService<IOperatorStore>().CountOutbox().Owed);
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
