using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Discord;
using PaperBot.Slack;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Benchmarks;

/// <summary>
/// PaperBot's delivery path wired as the bot wires it (LiteDB file, Core, the Discord and Slack adapters), without
/// the hosted workers: the benchmark drives <see cref="DeliveryDispatcher"/> itself, as the delivery worker does.
/// </summary>
internal sealed class BenchBot : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-bench", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public BenchBot(IReadOnlyDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Storage:Path"] = Path.Combine(_folder, "paperbot.db") })
            .Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Log))
            .AddSingleton<IConfiguration>(configuration)
            .AddPaperBotStorage(configuration)
            .AddPaperBotCore(configuration)
            .AddDiscordAdapter(configuration)
            .AddSlackAdapter(configuration)
            .BuildServiceProvider();
    }

    public LogTally Log { get; } = new();

    public LiteDbStore Store => _services.GetRequiredService<LiteDbStore>();

    /// <summary>Papers and one delivery per (paper, channel), enqueued in one write as a poll would.</summary>
    public IReadOnlyList<Delivery> Enqueue(IReadOnlyList<Paper> papers, IReadOnlyList<ChannelRef> channels)
    {
        var at = DateTimeOffset.UtcNow;
        var deliveries = papers.SelectMany(p => channels.Select(c => Delivery.New(c, p.ArxivId, ["bench"], at))).ToList();
        Store.RecordPoll(papers, deliveries, new PollState(true, at, DateOnly.FromDateTime(at.UtcDateTime)));
        return deliveries;
    }

    /// <summary>Runs delivery rounds until nothing is owed, waiting for retries that are due later; false on timeout.</summary>
    public async Task<bool> DrainAsync(TimeSpan patience)
    {
        var dispatcher = _services.GetRequiredService<DeliveryDispatcher>();
        using var stop = new CancellationTokenSource(patience);
        while (!stop.IsCancellationRequested)
        {
            await dispatcher.DeliverPendingAsync(stop.Token);
            var owed = Store.Pending();
            if (owed.Count == 0)
            {
                return true;
            }

            var now = DateTimeOffset.UtcNow;
            var wait = OutboxSchedule.NextRoundAt(owed, now) - now;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(50), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
