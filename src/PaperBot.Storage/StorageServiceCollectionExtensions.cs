using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Configuration;

namespace PaperBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB store (section <c>Storage</c>, key <c>Path</c>, default <c>data/paperbot.db</c>) as one
    /// singleton behind every Core storage port, and opens it when the host starts so that a locked or unreadable
    /// database stops start-up before PaperBot connects to any chat. Registers the <c>Storage</c> options (and their
    /// validation) whatever <c>Storage:Provider</c> says, but the LiteDB store only when it is <c>LiteDb</c> (the default).
    /// </summary>
    public static IServiceCollection AddPaperBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // Storage:Provider=Postgres registers the PostgreSQL store instead (AddPaperBotPostgresStorage); the file is never opened.
        if (!StorageProviders.IsLiteDb(configuration))
        {
            return services;
        }

        services.AddStoreProvider(sp => LiteDbStore.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        return services;
    }
}
