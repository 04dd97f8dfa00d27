using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Configuration;
using PaperBot.Core.Pacing;
using PaperBot.Core.Replicas;
using PaperBot.Core.Sharding;

namespace PaperBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:Provider</c> = <c>Postgres</c>, registers the PostgreSQL store (<c>Storage:ConnectionString</c>) as one
    /// singleton behind every Core storage port and as this process's <see cref="IReplicaCoordinator"/> (<c>Replicas</c>
    /// section), and opens it (connects, migrates, takes PaperBot's lock shared with the other replicas) when the host
    /// starts; Discord's global limit becomes a budget in the database that every replica shares. Otherwise does nothing.
    /// The <c>Storage</c> options and their validation come from <c>AddPaperBotStorage</c>.
    /// </summary>
    public static IServiceCollection AddPaperBotPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!StorageProviders.IsPostgres(configuration))
        {
            return services;
        }

        services.AddOptions<ReplicaOptions>().BindConfiguration(ReplicaOptions.SectionName).ValidateAnnotations().ValidateOnStart();
        services.AddStoreProvider(sp => PostgresStore.Open(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!,
            replica: new PostgresReplica(
                ReplicaIdentity.ForThisProcess(sp.GetService<TimeProvider>() ?? TimeProvider.System),
                sp.GetRequiredService<IOptions<ReplicaOptions>>().Value.LeaseDuration)));
        services.TryAddSingleton<IReplicaCoordinator>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IShardLeases>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IRateBudget, PostgresRateBudget>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<PostgresLockWatch>();
        return services;
    }
}
