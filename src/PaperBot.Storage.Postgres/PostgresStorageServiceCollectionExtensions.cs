using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Pacing;
using PaperBot.Core.Sharding;

namespace PaperBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:Provider</c> = <c>Postgres</c>, registers the PostgreSQL store (<c>Storage:ConnectionString</c>) as one
    /// singleton behind every Core storage port, and opens it (connects, migrates, takes the one-process lock) when the host
    /// starts, and Discord's global limit as a budget in the database that every replica shares. Otherwise does
    /// nothing. The <c>Storage</c> options and their validation come from <c>AddPaperBotStorage</c>.
    /// </summary>
    public static IServiceCollection AddPaperBotPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!StorageProviders.IsPostgres(configuration))
        {
            return services;
        }

        services.AddStoreProvider(sp => PostgresStore.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!, exclusive: true));
        services.TryAddSingleton<IShardLeases>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IRateBudget, PostgresRateBudget>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<PostgresLockWatch>();
        return services;
    }
}
