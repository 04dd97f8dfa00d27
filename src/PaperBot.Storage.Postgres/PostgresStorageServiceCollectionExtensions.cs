using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Configuration;
using PaperBot.Core.Replicas;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:Provider</c> = <c>Postgres</c>, registers the PostgreSQL store (<c>Storage:ConnectionString</c>) as one
    /// singleton behind every Core storage port and as this process's <see cref="IReplicaCoordinator"/> (<c>Replicas</c>
    /// section), and opens it (connects, migrates, takes PaperBot's lock shared with the other replicas) when the host
    /// starts. Otherwise does nothing. The <c>Storage</c> options and their validation come from <c>AddPaperBotStorage</c>.
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
        services.TryAddSingleton(sp => PostgresStore.Open(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!,
            replica: new PostgresReplica(
                ReplicaIdentity.ForThisProcess(sp.GetService<TimeProvider>() ?? TimeProvider.System),
                sp.GetRequiredService<IOptions<ReplicaOptions>>().Value.LeaseDuration)));
        services.TryAddSingleton<IReplicaCoordinator>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IPaperBotStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IPaperStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IPaperArchive>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IChannelStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IReadingListStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IDeliveryStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IPollStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IInboundEventLog>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IOperatorStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IEmbeddingStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddHostedService(sp => new StorageOpener(sp.GetRequiredService<PostgresStore>(), sp.GetRequiredService<ILogger<StorageOpener>>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<PostgresLockWatch>();
        return services;
    }
}
