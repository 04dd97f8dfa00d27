using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

public static class StorePortRegistration
{
    /// <summary>
    /// Puts one store provider, opened by <paramref name="open"/> as a singleton, behind every Core storage port
    /// (<see cref="IPaperBotStore"/> and each single port), and opens it when the host starts (<see cref="StorageOpener"/>),
    /// so that a store that cannot be opened stops start-up before PaperBot connects to any chat.
    /// </summary>
    public static IServiceCollection AddStoreProvider<TStore>(this IServiceCollection services, Func<IServiceProvider, TStore> open)
        where TStore : class, IPaperBotStore, IOpenedStore
    {
        services.TryAddSingleton(open);
        services.TryAddSingleton<IPaperBotStore>(Store);
        services.TryAddSingleton<IPaperStore>(Store);
        services.TryAddSingleton<IPaperArchive>(Store);
        services.TryAddSingleton<IChannelStore>(Store);
        services.TryAddSingleton<IReadingListStore>(Store);
        services.TryAddSingleton<IDeliveryStore>(Store);
        services.TryAddSingleton<IPollStore>(Store);
        services.TryAddSingleton<IInboundEventLog>(Store);
        services.TryAddSingleton<IOperatorStore>(Store);
        services.TryAddSingleton<IEmbeddingStore>(Store);
        services.AddHostedService(sp => new StorageOpener(Store(sp), sp.GetRequiredService<ILogger<StorageOpener>>()));
        return services;

        static TStore Store(IServiceProvider sp) => sp.GetRequiredService<TStore>();
    }
}
