using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Tests.Support;
using PaperBot.Storage;
using PaperBot.Testing;
using DeliveryRecord = PaperBot.Core.Storage.Delivery;

namespace PaperBot.Discord.Tests.Delivery;

/// <summary>
/// PaperBot's delivery path wired as the bot wires it (storage, Core with its <c>Delivery</c> section, the Discord
/// adapter), on the real clock with a LiteDB file in a temp folder, posting to fakes on 127.0.0.1. It fans
/// <see cref="Papers"/> out to <see cref="ChannelCount"/> channels and runs the real dispatcher round after round,
/// each round once the earliest retry is due (as the delivery worker would be woken), until nothing is owed.
/// </summary>
internal sealed class FanOutBot : IAsyncDisposable
{
    public const int ChannelCount = 20;

    /// <summary>Only a hang comes near this; a fan-out with every retry takes a few seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static readonly Paper[] Papers =
    [
        TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5),
        TestPapers.Make("2611.00011", "Agents for tool use", upvotes: 9),
        TestPapers.Make("2611.00012", "Debating agents", upvotes: 2),
    ];

    private readonly string _folder;
    private readonly IHost _host;
    private IReadOnlyList<DeliveryRecord> _owed = [];

    private FanOutBot(string folder, IHost host, CapturedLogs logs)
    {
        _folder = folder;
        _host = host;
        Logs = logs;
    }

    public IReadOnlyList<ChannelRef> Channels { get; } = [.. Enumerable.Range(1, ChannelCount)
        .Select(i => new ChannelRef("discord", (1_500_000_000_000_000_000UL + (ulong)i).ToString(CultureInfo.InvariantCulture)))];

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _host.Services;

    public LiteDbStore Store => Services.GetRequiredService<LiteDbStore>();

    /// <summary>Starts the host posting to <paramref name="apiBaseUrl"/>; <paramref name="settings"/> override the defaults.</summary>
    public static async Task<FanOutBot> StartAsync(string apiBaseUrl, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = DiscordHost.NewFolder();

        // The shortest backoff DeliveryOptions allows, capped low: a retry costs one or two seconds of real time.
        var config = DiscordHost.Settings(folder, apiBaseUrl, new Dictionary<string, string?>
        {
            ["Delivery:RetryBaseDelay"] = "00:00:01",
            ["Delivery:MaxRetryDelay"] = "00:00:02",
        }, settings);

        var logs = new CapturedLogs();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Testing",
            ContentRootPath = folder,
        });
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services
            .AddPaperBotStorage(builder.Configuration)
            .AddPaperBotCore(builder.Configuration)
            .AddDiscordAdapter(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new FanOutBot(folder, host, logs);
    }

    /// <summary>Every channel subscribed, and one poll that owes each channel each paper: the fan-out.</summary>
    public void SeedFanOut()
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var channel in Channels)
        {
            Store.AddSubscription(channel, "agents", "discord:53908232506183680", now);
        }

        _owed = [.. Channels.SelectMany(c => Papers.Select(p => DeliveryRecord.New(c, p.ArxivId, ["agents"], now)))];
        Store.RecordPoll(Papers, _owed, new PollState(true, now, TestPapers.Day));
    }

    /// <summary>Runs delivery rounds until nothing is owed; returns how many rounds it took.</summary>
    public async Task<int> DeliverUntilDoneAsync()
    {
        // Off the caller's thread, so the test can act on the fakes while the fan-out runs.
        await Task.Yield();
        var dispatcher = Services.GetRequiredService<DeliveryDispatcher>();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            for (var round = 1; ; round++)
            {
                await dispatcher.DeliverPendingAsync(patience.Token).ConfigureAwait(false);
                var owed = Store.Pending();
                if (owed.Count == 0)
                {
                    return round;
                }

                // Waiting for the dispatcher's own schedule (NextAttemptAt), not for something to happen.
                var now = TimeProvider.System.GetUtcNow();
                var wait = OutboxSchedule.NextRoundAt(owed, now) - now;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, patience.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            var owed = Store.Pending().Select(d => $"{d.Id} {d.State} after {d.Attempts} attempts: {d.LastError}");
            throw new TimeoutException($"Still owed after {Patience}:\n{string.Join('\n', owed)}");
        }
    }

    /// <summary>The fan-out's deliveries as stored now.</summary>
    public IReadOnlyList<DeliveryRecord> Deliveries() => [.. _owed.Select(d => Store.FindDelivery(d.Id)!)];

    /// <summary>The delivery a create-message request was made for, known by its nonce.</summary>
    public DeliveryRecord DeliveryOf(DiscordPost post) =>
        _owed.Single(d => d.Channel.Id == post.ChannelId && DiscordPublisher.NonceFor(d.Id) == post.Nonce);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
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
