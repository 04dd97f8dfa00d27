using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Listing;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Slack.Http;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Slack.Tests.Support;

/// <summary>
/// PaperBot with the Slack adapter, hosted for real on 127.0.0.1 (Kestrel, a LiteDB file in a temp folder) and
/// pointed at a <see cref="FakeSlack"/>. HTTP mode by default; Socket Mode with <c>socketMode: true</c>.
/// </summary>
public sealed class SlackBotHost : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot";
    public const string AppToken = "xapp-fake-app";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly string _folder;
    private WebApplication _app = null!;
    private readonly HttpClient _http = new();
    private int _triggers;

    private SlackBotHost(string folder) => _folder = folder;

    public static DateTimeOffset Start { get; } = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    public SignalingTimeProvider Time { get; private set; } = null!;

    public CapturedLogs Logs { get; private set; } = null!;

    /// <summary><c>/papers count X</c>, registered in this host.</summary>
    public CountingCommand Counter { get; private set; } = null!;

    /// <summary><c>/papers slow</c>, registered in this host.</summary>
    public GatedCommand Gate { get; private set; } = null!;

    /// <summary><c>/papers stuck</c>, registered in this host: holds its thread until released.</summary>
    public BlockingCommand Stuck { get; } = new("stuck");

    public string BaseUrl { get; private set; } = "";

    public LiteDbStore Store => Get<LiteDbStore>();

    public static async Task<SlackBotHost> StartAsync(FakeSlack slack, bool socketMode = false, IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-slack-tests", Guid.NewGuid().ToString("N"));

        // Alice created #general, so the tests' commands there may change it; Bob is a plain member.
        slack.Directory.SetCreator(SlackPayloads.General, SlackPayloads.Alice);
        var config = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Storage:Path"] = Path.Combine(folder, "paperbot.db"),
        };
        if (socketMode)
        {
            config["Slack:AppToken"] = AppToken;
        }
        else
        {
            config["Slack:SigningSecret"] = SigningSecret;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var time = new SignalingTimeProvider(Start);
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IListingSource>(new ScriptedListingSource());
        var counter = new CountingCommand();
        var gate = new GatedCommand();
        builder.Services.AddSingleton<ICommandHandler>(counter).AddSingleton<ICommandHandler>(gate);
        var host = new SlackBotHost(folder) { Time = time, Logs = logs, Counter = counter, Gate = gate };
        builder.Services.AddSingleton<ICommandHandler>(host.Stuck);
        builder.Services.AddPaperBotStorage(builder.Configuration).AddPaperBotCore().AddSlackAdapter(builder.Configuration);

        var app = builder.Build();
        app.MapSlackEndpoints();
        host._app = app;
        await app.StartAsync();
        host.BaseUrl = app.Urls.First().TrimEnd('/');
        return host;
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public string NextTrigger() => $"trigger-{Interlocked.Increment(ref _triggers).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Stores a paper owed to <paramref name="channelId"/> and runs one delivery round; returns the message ts.</summary>
    public async Task<string> PostPaperAsync(Paper paper, string channelId, params string[] topics)
    {
        var channel = new ChannelRef("slack", channelId);
        Store.RecordPoll([paper], [Delivery.New(channel, paper.ArxivId, topics, Time.GetUtcNow())], new PollState(true, Time.GetUtcNow(), paper.ListedOn));
        await Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
        return Store.FindDelivery(Delivery.IdFor(channel, paper.ArxivId))?.MessageId
            ?? throw new InvalidOperationException("The paper was not posted.");
    }

    /// <summary>POSTs <paramref name="body"/> signed with the signing secret at <paramref name="signedAt"/> (default: now).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType = "application/x-www-form-urlencoded", DateTimeOffset? signedAt = null, string secret = SigningSecret)
    {
        var timestamp = (signedAt ?? Time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body));
        return PostAsync(path, body, contentType, timestamp, signature);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
        }

        return _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Stuck.Release();
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        Stuck.Dispose();
    }
}
