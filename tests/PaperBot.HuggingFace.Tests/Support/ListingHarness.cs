using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Tests.Support;

/// <summary>
/// The listing source as the host gets it: <c>AddHuggingFaceListing</c> over in-memory configuration,
/// with small retry delays so the suite stays fast.
/// </summary>
internal sealed class ListingHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ListingHarness(ServiceProvider provider, CapturingLoggerProvider logs)
    {
        _provider = provider;
        Logs = logs;
        Source = provider.GetRequiredService<IListingSource>();
    }

    public CapturingLoggerProvider Logs { get; }

    public IListingSource Source { get; }

    public IServiceProvider Services => _provider;

    public static ListingHarness Create(string baseUrl, params (string Key, string? Value)[] overrides)
    {
        var logs = new CapturingLoggerProvider();
        return new ListingHarness(BuildProvider(logs, WithDefaults(baseUrl, overrides)), logs);
    }

    public static ServiceProvider BuildProvider(CapturingLoggerProvider logs, IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddHuggingFaceListing(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static Dictionary<string, string?> WithDefaults(string baseUrl, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HuggingFace:BaseUrl"] = baseUrl,
            ["HuggingFace:RequestTimeout"] = "00:00:05",
            ["HuggingFace:RetryBaseDelay"] = "00:00:00.010",
            ["HuggingFace:MaxRetries"] = "3",
        };
        foreach (var (key, value) in overrides)
        {
            settings[$"HuggingFace:{key}"] = value;
        }

        return settings;
    }

    /// <summary>Fetches with a guard, so a regression that hangs fails the test instead of the whole run.</summary>
    public Task<ListingFetch> FetchAsync(DateOnly? day = null, ListingValidators? validators = null) =>
        Source.FetchAsync(day, validators, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
