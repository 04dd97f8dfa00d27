using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Listing;
using PaperBot.Core.Publishing;
using PaperBot.Storage;
using Xunit;

namespace PaperBot.Testing;

/// <summary>The Core services wired as the host wires them, over a real LiteDB file in a temp folder.</summary>
public sealed class TestBot : IDisposable
{
    public static readonly ChannelRef General = new("test", "general");
    public static readonly ChannelRef Robots = new("test", "robots");
    public static readonly UserRef Alice = new("test", "alice", "Alice");
    public static readonly UserRef Bob = new("test", "bob", "Bob");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="seed">Writes the database file before the store opens it (for example a store of an earlier version).</param>
    public TestBot(DateTimeOffset? now = null, Action<string>? seed = null)
    {
        Directory.CreateDirectory(_folder);
        seed?.Invoke(DatabasePath);
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        Store = LiteDbStore.Open(DatabasePath);
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(Store)
            .AddSingleton<PaperBot.Core.Storage.IPaperStore>(Store)
            .AddSingleton<PaperBot.Core.Storage.IPaperArchive>(Store)
            .AddSingleton<PaperBot.Core.Storage.IChannelStore>(Store)
            .AddSingleton<PaperBot.Core.Storage.IReadingListStore>(Store)
            .AddSingleton<PaperBot.Core.Storage.IDeliveryStore>(Store)
            .AddSingleton<PaperBot.Core.Storage.IPollStore>(Store)
            .AddSingleton<PaperBot.Core.Storage.IInboundEventLog>(Store)
            .AddSingleton<IListingSource>(Listing)
            .AddSingleton<IChannelPublisher>(Publisher)
            .AddPaperBotCore()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string DatabasePath => Path.Combine(_folder, "paperbot.db");

    public FakeTimeProvider Time { get; }

    public LiteDbStore Store { get; }

    public ScriptedListingSource Listing { get; } = new();

    public RecordingPublisher Publisher { get; } = new("test");

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new <typeparamref name="T"/> from the container, with <paramref name="overrides"/> in place of the registered services of their types.</summary>
    public T Create<T>(params object[] overrides) => ActivatorUtilities.CreateInstance<T>(_services, overrides);

    public Task<CommandResult> RunAsync(string command, UserRef? user = null, ChannelRef? channel = null, bool canManage = true) =>
        Get<CommandDispatcher>().ExecuteAsync(new CommandContext(channel ?? General, user ?? Alice, canManage), command, CancellationToken.None);

    public async Task<T> RunAsync<T>(string command, UserRef? user = null, ChannelRef? channel = null, bool canManage = true) where T : CommandResult
    {
        var result = await RunAsync(command, user, channel, canManage);
        return Assert.IsType<T>(result);
    }

    public void Dispose()
    {
        _services.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
