using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// A stand-in for discord.com on 127.0.0.1: the REST API is the shared <see cref="FakeDiscordRest"/> (bot token
/// checked, a realistic per-channel message bucket, <c>/gateway/bot</c> pointing here), and this server holds a real
/// WebSocket Gateway whose connections the test drives frame by frame. Time comes from the test's clock.
/// </summary>
internal sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string Token = FakeDiscordRest.Token;
    public const string ApplicationId = FakeDiscordRest.ApplicationId;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();

    private FakeDiscord(WebApplication app, FakeDiscordRest rest, TimeProvider time)
    {
        _app = app;
        _time = time;
        Rest = rest;
        _app.UseWebSockets();
        _app.Run(AcceptGatewayAsync);
    }

    /// <summary>The REST API, with everything it received.</summary>
    public FakeDiscordRest Rest { get; }

    public string Root { get; private set; } = "";

    public string ApiBaseUrl => Rest.ApiBaseUrl;

    public string GatewayUrl => Root.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeUrl => Root.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public static async Task<FakeDiscord> StartAsync(TimeProvider time)
    {
        var rest = await FakeDiscordRest.StartAsync(time: time, checkToken: true).ConfigureAwait(false);
        rest.MessageLimit = 5;
        var fake = new FakeDiscord(LoopbackApp.Create(), rest, time);
        fake.Root = await LoopbackApp.StartAsync(fake._app).ConfigureAwait(false);
        rest.GatewayBot = fake.GatewayBot;
        return fake;
    }

    /// <summary>The next Gateway connection the client opens.</summary>
    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _connections.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The client did not open another Gateway connection.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Rest.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new FakeGatewayConnection(socket, context.Request.Path.Value!.TrimEnd('/'), context.Request.QueryString.Value ?? "");
        await _connections.Writer.WriteAsync(connection).ConfigureAwait(false);
        var play = AutoGateway ? PlayAsync(connection) : Task.CompletedTask;
        await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
        await play.ConfigureAwait(false);
    }
}
