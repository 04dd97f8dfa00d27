using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.ConsoleChannel;
using PaperBot.Core.Listing;
using PaperBot.Core.Publishing;
using PaperBot.Testing;

namespace PaperBot.Tests.Support;

/// <summary>
/// The real host (PaperBotApp.Build) in this process, configured the way an operator would configure it,
/// against a fake listing server, with a recording publisher for the "test" platform next to the console.
/// Started, it has finished its first poll.
/// </summary>
public sealed class HostRun : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostRun(WebApplication app, StringWriter console, RecordingPublisher publisher, MeterRecorder meters)
    {
        _app = app;
        Meters = meters;
        Console = console;
        Publisher = publisher;
    }

    public StringWriter Console { get; }

    /// <summary>What the host's instruments measured since it was built (for example deliveries marked sent).</summary>
    public MeterRecorder Meters { get; }

    public RecordingPublisher Publisher { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Address => new(_app.Urls.First());

    public static string[] Arguments(string listingBaseUrl, string databasePath, params string[] extra) =>
    [
        "--Urls=http://127.0.0.1:0",
        $"--Storage:Path={databasePath}",
        $"--HuggingFace:BaseUrl={listingBaseUrl}",
        "--HuggingFace:RequestTimeout=00:00:01",
        "--HuggingFace:RetryBaseDelay=00:00:00.050",
        "--Console:Commands=false",
        "--Logging:LogLevel:Default=Warning",
        .. extra,
    ];

    public static WebApplication Build(string[] arguments, StringWriter console, RecordingPublisher publisher, TimeProvider? time = null) =>
        PaperBotApp.Build(arguments, builder =>
        {
            builder.Services.AddSingleton(new ConsoleIo(TextReader.Null, console, interactive: false));
            builder.Services.AddSingleton<IChannelPublisher>(publisher);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });

    /// <summary>Starts the host and waits for its first poll to finish recording.</summary>
    public static Task<HostRun> StartAsync(string listingBaseUrl, string databasePath, params string[] extra) =>
        StartAsync(Arguments(listingBaseUrl, databasePath, extra), time: null);

    /// <summary>Starts the host with <paramref name="arguments"/> (and a clock of the test's, if given) and waits for its first poll.</summary>
    public static async Task<HostRun> StartAsync(string[] arguments, TimeProvider? time)
    {
        var console = new StringWriter();
        var publisher = new RecordingPublisher("test");
        var app = Build(arguments, console, publisher, time);
        var meters = new MeterRecorder(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<ListingHealth>().Changed += _ => polled.TrySetResult();
        await app.StartAsync();
        await polled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new HostRun(app, console, publisher, meters);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Meters.Dispose();
    }
}
