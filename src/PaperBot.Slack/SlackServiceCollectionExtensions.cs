using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Pacing;
using PaperBot.Core.Publishing;
using PaperBot.Slack.Api;
using PaperBot.Slack.Configuration;
using PaperBot.Slack.Files;
using PaperBot.Slack.Http;
using PaperBot.Slack.Inbound;
using PaperBot.Slack.Permissions;
using PaperBot.Slack.Publishing;
using PaperBot.Slack.SocketMode;

namespace PaperBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Slack adapter when section <c>Slack</c> has a bot token; otherwise adds nothing. Options are validated
    /// at start-up (a Slack section with other keys but no bot token is an error, not a silent no-op). Socket Mode runs
    /// when <c>Slack:AppToken</c> is set, HTTP mode's endpoints when <c>Slack:SigningSecret</c> is.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SlackOptions.SectionName);
        var anyKey = section.GetChildren().Any(c => c.Key is nameof(SlackOptions.BotToken) or nameof(SlackOptions.AppToken) or nameof(SlackOptions.SigningSecret)
            && !string.IsNullOrWhiteSpace(c.Value));
        if (!anyKey)
        {
            return services;
        }

        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        if (string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]))
        {
            // Only the validator runs: start-up stops with a message saying the bot token is missing.
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackAdapterMarker>();
        services.AddHttpClient<SlackApiClient>(ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own request logs would print response_url paths; the adapter logs what matters itself.
            .RemoveAllLoggers();
        // Replicas on PostgreSQL register the database's budget first: the reactions.add allowance belongs to the app.
        services.TryAddSingleton<IRateBudget, InProcessRateBudget>();
        services.AddSingleton<IChannelPublisher, SlackPublisher>();
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<RecentReplies>();
        services.TryAddSingleton<FollowUps>();
        services.TryAddSingleton<SlackBotIdentity>();
        services.TryAddSingleton<SlackFileSender>();
        services.TryAddSingleton<SlackDirectory>();
        services.TryAddSingleton<SlackChannelManagers>();
        services.TryAddSingleton<SlackCommandRunner>();
        services.TryAddSingleton<SlackEventProcessor>();
        services.TryAddSingleton<SlackInteractionProcessor>();
        services.TryAddSingleton<SocketEnvelopeHandler>();
        services.AddSingleton<SocketModeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeWorker>());
        services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<SocketModeWorker>());
        services.AddHostedService<SlackStartupReport>();
        return services;
    }

    /// <summary>Maps the Slack adapter's HTTP endpoints, when the adapter is enabled.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SlackAdapterMarker>() is null)
        {
            return endpoints;
        }

        // Mapped whenever the adapter is on; each answers 404 unless Slack:SigningSecret is set (HTTP mode).
        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/commands", SlackEndpoints.CommandsAsync);
        slack.MapPost("/events", SlackEndpoints.EventsAsync);
        slack.MapPost("/interactivity", SlackEndpoints.InteractivityAsync);
        return endpoints;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        client.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("PaperBot/1.0 (+https://github.com/paperbot/paperbot)");
    }
}
