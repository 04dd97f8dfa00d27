using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core;
using PaperBot.Core.Channels;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// The Discord adapter hosted as the bot hosts it: a WebApplication on 127.0.0.1 with the Core services, a real
/// LiteDB file in a temp folder, and <c>AddDiscordAdapter</c> pointed at a <see cref="FakeDiscord"/>.
/// </summary>
internal sealed class DiscordHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WebApplication _app;

    private DiscordHost(string folder, WebApplication app, FakeDiscord fake, SignalingTimeProvider time, CapturedLogs logs)
    {
        _folder = folder;
        _app = app;
        Fake = fake;
        Time = time;
        Logs = logs;
    }

    public FakeDiscord Fake { get; }

    public SignalingTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Http { get; private set; } = null!;

    public TestKeys Keys { get; } = TestKeys.Application();

    public IServiceProvider Services => _app.Services;

    public LiteDbStore Store => Services.GetRequiredService<LiteDbStore>();

    /// <summary>
    /// Starts a fake Discord and the host; <paramref name="settings"/> override the Discord section and
    /// <paramref name="services"/> adds services (such as a test-only command).
    /// </summary>
    public static async Task<DiscordHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var time = new SignalingTimeProvider();
        var fake = await FakeDiscord.StartAsync(time).ConfigureAwait(false);
        var folder = NewFolder();
        var config = Settings(folder, fake.ApiBaseUrl, new Dictionary<string, string?> { ["Discord:Gateway:Url"] = fake.GatewayUrl }, settings);

        var logs = new CapturedLogs();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IListingSource>(new ScriptedListingSource())
            .AddPaperBotStorage(builder.Configuration)
            .AddPaperBotCore()
            .AddDiscordAdapter(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDiscordEndpoints();
        var host = new DiscordHost(folder, app, fake, time, logs);
        await app.StartAsync().ConfigureAwait(false);
        host.Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return host;
    }

    /// <summary>A fresh temp folder for one host's database.</summary>
    internal static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-discord-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// The settings a hosted Discord adapter starts from (database in <paramref name="folder"/>, the fake's API, no
    /// Gateway), then <paramref name="extra"/>, then the test's <paramref name="overrides"/>: the last one wins.
    /// </summary>
    internal static Dictionary<string, string?> Settings(
        string folder, string apiBaseUrl, IReadOnlyDictionary<string, string?> extra, IReadOnlyDictionary<string, string?>? overrides)
    {
        var config = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder, "paperbot.db"),
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:PublicKey"] = TestKeys.Rfc1Public,
            ["Discord:BotToken"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = apiBaseUrl,
            ["Discord:Gateway:Enabled"] = "false",
        };
        foreach (var (key, value) in extra.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            config[key] = value;
        }

        return config;
    }

    /// <summary>POSTs <paramref name="body"/> to /discord/interactions, signed by the application's key unless told otherwise.</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(string body, TestKeys? signer = null, string? timestamp = null)
    {
        var stamp = timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Signature-Ed25519", (signer ?? Keys).Sign(stamp, bytes));
        request.Headers.Add("X-Signature-Timestamp", stamp);
        return Http.SendAsync(request);
    }

    /// <summary>Stores papers as one successful poll of <see cref="TestPapers.Day"/>.</summary>
    public void SeedPapers(params Paper[] papers) =>
        Store.RecordPoll(papers, [], new PollState(true, Time.GetUtcNow(), TestPapers.Day));

    /// <summary>Records that PaperBot posted <paramref name="paper"/> to a channel as message <paramref name="messageId"/>.</summary>
    public void SeedPost(Paper paper, string channelId, string messageId)
    {
        var channel = new ChannelRef("discord", channelId);
        var delivery = Core.Storage.Delivery.New(channel, paper.ArxivId, ["agents"], Time.GetUtcNow());
        Store.RecordPoll([paper], [delivery], new PollState(true, Time.GetUtcNow(), paper.ListedOn));
        Store.MarkSent(delivery.Id, messageId, Time.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Fake.DisposeAsync().ConfigureAwait(false);
        Keys.Dispose();
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
