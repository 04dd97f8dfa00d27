using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PaperBot.Admin;
using PaperBot.ConsoleChannel;
using PaperBot.Core;
using PaperBot.Core.Storage;
using PaperBot.Discord;
using PaperBot.Health;
using PaperBot.HuggingFace;
using PaperBot.Logging;
using PaperBot.Replicas;
using PaperBot.Semantic;
using PaperBot.Slack;
using PaperBot.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Telemetry;
using PaperBot.Workers;

namespace PaperBot;

/// <summary>Builds and runs the PaperBot host.</summary>
public static class PaperBotApp
{
    /// <summary>Exit code for a configuration PaperBot cannot start with.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Exit code for a database another process holds or that cannot be opened.</summary>
    public const int StorageError = 3;

    /// <param name="args">Command-line arguments, also read as configuration (<c>--Section:Key=value</c>).</param>
    /// <param name="configure">Last-minute changes to the services before the app is built (tests swap fakes in here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root is the app's folder so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ConsoleLogDefaults.AddTo(builder.Configuration);
        builder.Configuration
            .AddUserSecrets(typeof(PaperBotApp).Assembly, optional: true)
            .AddEnvironmentVariables(prefix: "PaperBot__")
            .AddCommandLine(args);

        // Standard output belongs to the console channel; every log line goes to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Host.UseSystemd();

        builder.Services
            .AddPaperBotStorage(builder.Configuration)
            .AddPaperBotPostgresStorage(builder.Configuration)
            .AddPaperBotReplicas(builder.Configuration)
            .AddHuggingFaceListing(builder.Configuration)
            .AddPaperBotCore(builder.Configuration)
            .AddConsoleChannel(builder.Configuration)
            .AddDiscordAdapter(builder.Configuration)
            .AddSlackAdapter(builder.Configuration)
            .AddPaperBotSemantic(builder.Configuration);
        builder.Services.AddHostedService<PollerWorker>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddHostedService<DigestWorker>();
        builder.Services.AddHostedService<MaintenanceWorker>();
        builder.Services.AddHostedService<SearchIndexWarmer>();
        builder.Services.AddHostedService<RepliesDrain>();
        builder.Services.AddHealthChecks().AddCheck<ListingHealthCheck>("listing").AddCheck<DeliveryHealthCheck>("delivery")
            .AddCheck<PlatformHealthCheck>("platforms").AddCheck<EmbeddingHealthCheck>("embeddings");
        builder.Services.AddPaperBotMetrics();
        builder.Services.AddPaperBotAdmin(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapPaperBotMetrics();
        app.MapPaperBotAdmin();
        app.MapDiscordEndpoints();
        app.MapSlackEndpoints();
        return app;
    }

    /// <summary>
    /// Runs a one-off tool command (such as <c>discord register-commands</c>) with the bot's configuration and
    /// services, without starting the bot. Arguments after the tool's own words may set configuration.
    /// </summary>
    public static async Task<int> RunToolAsync(
        string[] args, Func<IServiceProvider, IReadOnlyList<string>, TextWriter, TextWriter, Task<int>> tool)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        try
        {
            await using var app = Build(args[words.Length..]);
            return await tool(app.Services, words, Console.Out, Console.Error).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupErrors.ExitCode(ex);
        }
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, configure: null);

    /// <summary>Runs the bot until it is stopped; <paramref name="configure"/> as for <see cref="Build"/>.</summary>
    internal static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder>? configure)
    {
        WebApplication? app = null;
        var stopping = CancellationToken.None;
        try
        {
            app = Build(args, configure);

            // Taken now: RunAsync disposes the host (and its services) however it ends.
            stopping = app.Lifetime.ApplicationStopping;

            // Check the settings and open the database before the host starts, so a bad value or a locked file
            // is reported once, in PaperBot's own words, instead of after the host's "failed to start" trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            _ = app.Services.GetRequiredService<IPaperStore>();
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop (SIGTERM, Ctrl+C) while still starting: the start was cancelled, which is a clean stop.
            await Console.Error.WriteLineAsync("PaperBot was stopped while it was starting.").ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupErrors.ExitCode(ex);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
