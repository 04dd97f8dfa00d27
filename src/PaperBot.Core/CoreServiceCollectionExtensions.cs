using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Configuration;
using PaperBot.Core.Digests;
using PaperBot.Core.Listing;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Polling;
using PaperBot.Core.Saving;
using PaperBot.Core.Search;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the command layer, matcher, poller and delivery dispatcher. Needs the storage ports, an
    /// <see cref="IListingSource"/> and at least one publisher from other projects.
    /// </summary>
    public static IServiceCollection AddPaperBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .ValidateAnnotations()
            .ValidateOnStart();
        return services.AddPaperBotCore();
    }

    /// <summary>As <see cref="AddPaperBotCore(IServiceCollection, IConfiguration)"/>, with default delivery options.</summary>
    public static IServiceCollection AddPaperBotCore(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ListingHealth>();
        services.TryAddSingleton<PaperBotMetrics>();
        services.TryAddSingleton<SubscriptionMatcher>();
        services.TryAddSingleton<ListingPoller>();
        services.TryAddSingleton<EarlierDays>();
        services.TryAddSingleton<InstantDeliveries>();
        services.TryAddSingleton<AboutMatcher>();
        services.TryAddSingleton<LateAboutDeliveries>();
        services.TryAddSingleton<Semantic.IPaperVectorsListener>(sp => sp.GetRequiredService<LateAboutDeliveries>());
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<DigestPlanner>();
        services.TryAddSingleton<DeliveryDispatcher>();
        services.TryAddSingleton<ReadingList>();
        services.TryAddSingleton<BackgroundReplies>();
        services.TryAddSingleton<Channels.ChannelLifecycle>();
        services.TryAddSingleton<Channels.SubscriptionSuggestions>();
        services.TryAddSingleton<Papers.PaperSuggestions>();
        services.TryAddSingleton<Inbound.InboundEvents>();
        services.TryAddSingleton(_ => new CommandGate());
        services.TryAddSingleton<PaperSearchIndex>();
        services.TryAddSingleton<CommandDispatcher>();

        // Registration order is the order /papers help lists them in.
        services.AddSingleton<ICommandHandler, TodayCommand>();
        services.AddSingleton<ICommandHandler, SearchCommand>();
        services.AddSingleton<ICommandHandler, SubscribeCommand>();
        services.AddSingleton<ICommandHandler, UnsubscribeCommand>();
        services.AddSingleton<ICommandHandler, SubscriptionsCommand>();
        services.AddSingleton<ICommandHandler, PauseCommand>();
        services.AddSingleton<ICommandHandler, ResumeCommand>();
        services.AddSingleton<ICommandHandler, SaveCommand>();
        services.AddSingleton<ICommandHandler, UnsaveCommand>();
        services.AddSingleton<ICommandHandler, SavedCommand>();
        services.AddSingleton<ICommandHandler, ExportCommand>();
        return services;
    }
}
