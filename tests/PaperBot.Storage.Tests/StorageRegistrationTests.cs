using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void AddPaperBotStorage_EveryPort_ResolvesToTheOneStore()
    {
        using var provider = Services(_database.Path).BuildServiceProvider();

        var store = provider.GetRequiredService<LiteDbStore>();

        Assert.Equal(_database.Path, store.Location);
        Assert.Same(store, provider.GetRequiredService<IPaperStore>());
        Assert.Same(store, provider.GetRequiredService<IChannelStore>());
        Assert.Same(store, provider.GetRequiredService<IReadingListStore>());
        Assert.Same(store, provider.GetRequiredService<IDeliveryStore>());
        Assert.Same(store, provider.GetRequiredService<IPollStore>());
    }

    [Fact]
    public void AddPaperBotStorage_ProviderDisposed_ReleasesTheFile()
    {
        using (var provider = Services(_database.Path).BuildServiceProvider())
        {
            provider.GetRequiredService<IPollStore>();
        }

        using var reopened = _database.Open();
        Assert.Equal(PollState.Empty, reopened.GetPollState());
    }

    [Fact]
    public void AddPaperBotStorage_NoPathConfigured_UsesDefault()
    {
        var services = new ServiceCollection().AddPaperBotStorage(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Equal("data/paperbot.db", provider.GetRequiredService<IOptions<StorageOptions>>().Value.Path);
    }

    [Fact]
    public async Task AddPaperBotStorage_EmptyPath_StopsStartWithMessageNamingTheKey()
    {
        using var host = Host(" ");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPaperBotStorage_HostStarts_OpensTheStore()
    {
        using var host = Host(_database.Path);

        await host.StartAsync();

        Assert.True(File.Exists(_database.LockPath));
        Assert.Throws<StoreLockedException>(_database.Open);
        await host.StopAsync();
    }

    private static ServiceCollection Services(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = path })
            .Build();
        var services = new ServiceCollection();
        services.AddPaperBotStorage(configuration);
        return services;
    }

    private static IHost Host(string path)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = path });
        builder.Services.AddPaperBotStorage(builder.Configuration);
        return builder.Build();
    }
}
