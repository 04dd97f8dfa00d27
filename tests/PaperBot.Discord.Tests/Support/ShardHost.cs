using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Core.Listing;
using PaperBot.Discord.Gateway;
using PaperBot.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// One replica of the bot with the Gateway on, on a fake Discord and a clock it shares with other replicas of the same
/// test (so leases and identify turns are compared on one timeline); <paramref name="services"/> can swap in a store.
/// </summary>
internal sealed class ShardHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WebApplication _app;
    private bool _stopped;

    private ShardHost(string folder, WebApplication app, CapturedLogs logs)
    {
        _folder = folder;
        _app = app;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public DiscordGatewayService Gateway => Services.GetRequiredService<DiscordGatewayService>();

    public static async Task<ShardHost> StartAsync(
        FakeDiscord fake, TimeProvider time, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var folder = DiscordHost.NewFolder();
        var extra = new Dictionary<string, string?> { ["Discord:Gateway:Url"] = fake.GatewayUrl, ["Discord:Gateway:Enabled"] = "true" };
        var config = DiscordHost.Settings(folder, fake.ApiBaseUrl, extra, settings);
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton(time).AddSingleton<IListingSource>(new ScriptedListingSource());
        services?.Invoke(builder.Services);
        builder.Services
            .AddPaperBotStorage(builder.Configuration)
            .AddPaperBotPostgresStorage(builder.Configuration)
            .AddPaperBotCore()
            .AddDiscordAdapter(builder.Configuration);
        var app = builder.Build();
        var host = new ShardHost(folder, app, logs);
        await app.StartAsync().ConfigureAwait(false);
        return host;
    }

    /// <summary>Records, through the host's store, that PaperBot posted <paramref name="paper"/> to a channel as <paramref name="messageId"/>.</summary>
    public void SeedPost(Paper paper, string channelId, string messageId, DateTimeOffset at)
    {
        var delivery = Core.Storage.Delivery.New(new ChannelRef("discord", channelId), paper.ArxivId, ["agents"], at);
        Services.GetRequiredService<IPollStore>().RecordPoll([paper], [delivery], new PollState(true, at, paper.ListedOn));
        Services.GetRequiredService<IDeliveryStore>().MarkSent(delivery.Id, messageId, at);
    }

    public IReadOnlyList<SavedPaper> Saved(string userId) =>
        Services.GetRequiredService<IReadingListStore>().ListSaved(new UserRef("discord", userId));

    /// <summary>Stops the host (a clean stop: the Gateway gives up its shard leases unless the store is gone).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
