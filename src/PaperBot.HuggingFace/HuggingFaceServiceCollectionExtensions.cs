using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Configuration;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Files;
using PaperBot.HuggingFace.Http;
using PaperBot.HuggingFace.Parsing;

namespace PaperBot.HuggingFace;

public static class HuggingFaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Hugging Face Daily Papers listing as <see cref="IListingSource"/>: options from the
    /// <c>HuggingFace</c> section of <paramref name="configuration"/> (validated at start-up), a typed
    /// <see cref="HttpClient"/> with retries and timeouts, or the file source when <c>HuggingFace:ListingFile</c> is set.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration (the one holding the <c>HuggingFace</c> section).</param>
    public static IServiceCollection AddHuggingFaceListing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<HuggingFaceOptions>()
            .Bind(configuration.GetSection(HuggingFaceOptions.SectionName))
            .ValidateAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HuggingFaceOptions>, HuggingFaceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ListingParser>();
        services.TryAddSingleton<FileListingSource>();
        services.TryAddTransient<ListingAttemptHandler>();

        var client = services.AddHttpClient<HuggingFaceListingClient>(ConfigureClient)
            // The source may live as long as the app (a poller holds it), so connections are recycled by
            // the handler itself rather than by the factory's handler rotation.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxAutomaticRedirections = 5,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"]);
        client.AddResilienceHandler(ListingResilience.PipelineName, ListingResilience.Configure);
        // Added after the resilience handler, so it sits inside it and runs once per attempt.
        client.AddHttpMessageHandler<ListingAttemptHandler>();

        services.AddTransient<IListingSource>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.ListingFile)
                ? sp.GetRequiredService<HuggingFaceListingClient>()
                : sp.GetRequiredService<FileListingSource>());
        return services;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
        // Every phase is bounded by the resilience pipeline (attempt timeout, capped retries and waits);
        // HttpClient's own 100 s default would cut a legitimate retry sequence short.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.MaxResponseContentBufferSize = ListingAttemptHandler.MaxBodyBytes;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }
}
