using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Pacing;
using PaperBot.Core.Publishing;
using PaperBot.Core.Sharding;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Identifies PaperBot to Discord, as its API asks: <c>DiscordBot (url, version)</c>.</summary>
    public static readonly string UserAgent =
        $"DiscordBot (https://github.com/paperbot/paperbot, {typeof(DiscordServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    /// <summary>
    /// Adds the Discord adapter when section <c>Discord</c> has a bot token; otherwise adds nothing. Registers the
    /// <c>discord</c> publisher, the interactions endpoint's services, the REST client and the Gateway service;
    /// the section is validated at start-up.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.BotToken)]))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordAdapterMarker>();

        // Replicas on PostgreSQL register the database's budget first: Discord's global limit belongs to the token.
        services.TryAddSingleton<IRateBudget, InProcessRateBudget>();
        services.TryAddSingleton<RateLimiter>();
        services.AddHttpClient<DiscordRestClient>(ConfigureClient)
            // Interaction webhook URLs carry the interaction token: the factory's request logging would print it.
            .RemoveAllLoggers()
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        services.TryAddSingleton(sp => new PaperMessageBuilder(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.SaveEmoji));
        services.TryAddSingleton(sp => new DigestMessageBuilder(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.SaveEmoji));
        services.TryAddSingleton<ResultRenderer>();
        services.TryAddSingleton<Commands.CommandCatalog>();
        services.TryAddSingleton<SaveHints>();
        services.AddSingleton<IChannelPublisher, DiscordPublisher>();

        services.TryAddSingleton(sp => new InteractionVerifier(
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DeferredReplies>();
        services.TryAddSingleton<CommandInteractionHandler>();
        services.TryAddSingleton<ComponentInteractionHandler>();
        services.TryAddSingleton<AutocompleteHandler>();
        services.TryAddSingleton<InteractionRouter>();
        services.TryAddSingleton<InteractionEndpoint>();

        services.TryAddSingleton<ReactionSaver>();
        // A store shared by replicas (PostgreSQL) registers its own leases first; otherwise this process holds every shard.
        services.TryAddSingleton<IShardLeases, InProcessShardLeases>();
        services.TryAddSingleton<DiscordGatewayService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayService>());
        services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<DiscordGatewayService>());
        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c> (the Interactions Endpoint URL), when the adapter is enabled.</summary>
    public static IEndpointRouteBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<DiscordAdapterMarker>() is null)
        {
            return endpoints;
        }

        endpoints.MapPost(InteractionEndpoint.Path, (HttpContext context, InteractionEndpoint endpoint) => endpoint.HandleAsync(context));
        return endpoints;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        client.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>Present only when the adapter is enabled.</summary>
    private sealed class DiscordAdapterMarker;
}
