using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Core.Replicas;
using PaperBot.Storage;

namespace PaperBot.Replicas;

public static class ReplicaServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="Leadership"/> (alone on a LiteDB file this process always leads), and on PostgreSQL the replica heartbeat
    /// and the <c>replicas</c> health check. Call it before the workers are added, so the heartbeat stops after them.
    /// </summary>
    public static IServiceCollection AddPaperBotReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(sp => new Leadership(shared: sp.GetService<IReplicaCoordinator>() is not null));
        if (StorageProviders.IsPostgres(configuration))
        {
            services.AddHostedService<ReplicaHeartbeat>();
            services.AddHealthChecks().AddCheck<ReplicasHealthCheck>("replicas");
        }

        return services;
    }
}
