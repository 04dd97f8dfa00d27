using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaperBot.Slack.Tests.Support;

/// <summary>
/// A stand-in for Slack on 127.0.0.1: the Web API under <c>/api/{method}</c>, response URLs under <c>/response/{id}</c>
/// and Socket Mode over a real WebSocket at <c>/socket</c> (see <see cref="FakeSocketMode"/>). Every call is recorded;
/// answers can be scripted per method, otherwise each method answers as Slack does when all is well.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotUserId = "UPAPERBOT";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeSlackCall> _calls = [];
    private readonly Dictionary<string, Queue<FakeSlackReply>> _scripted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackReply> _failing = new(StringComparer.Ordinal);
    private int _messages;
    private int _sockets;

    private FakeSlack(WebApplication app)
    {
        _app = app;
        Socket = new FakeSocketMode(Changed);
        _app.UseWebSockets();
        _app.Map("/socket", Socket.AcceptAsync);
        _app.MapPost("/api/{method}", HandleApiAsync);
        _app.MapPost("/response/{id}", HandleResponseAsync);
    }

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api";

    public FakeSocketMode Socket { get; }

    /// <summary>Pulsed on every call and socket event.</summary>
    public Signal Changed { get; } = new();

    public IReadOnlyList<FakeSlackCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var slack = new FakeSlack(builder.Build());
        await slack._app.StartAsync();
        slack.BaseUrl = slack._app.Urls.First().TrimEnd('/');
        return slack;
    }

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToArray();

    /// <summary>A response_url on this fake, as Slack puts in commands and clicks.</summary>
    public string ResponseUrl(string id) => $"{BaseUrl}/response/{id}";

    /// <summary>Answers the next call of <paramref name="method"/> with <paramref name="reply"/> (queued, one-shot).</summary>
    public void Enqueue(string method, FakeSlackReply reply)
    {
        lock (_gate)
        {
            if (!_scripted.TryGetValue(method, out var queue))
            {
                _scripted[method] = queue = new Queue<FakeSlackReply>();
            }

            queue.Enqueue(reply);
        }
    }

    /// <summary>Answers every call of <paramref name="method"/> with <paramref name="reply"/> until <see cref="Heal"/>.</summary>
    public void Fail(string method, FakeSlackReply reply)
    {
        lock (_gate)
        {
            _failing[method] = reply;
        }
    }

    public void Heal(string method)
    {
        lock (_gate)
        {
            _failing.Remove(method);
        }
    }

    public Task WaitForCallsAsync(string method, int count, TimeSpan? timeout = null) =>
        Changed.WaitAsync(() => CallsTo(method).Count >= count, $"{count} call(s) of {method}; saw {string.Join(", ", Calls.Select(c => c.Method))}", timeout);

    public async ValueTask DisposeAsync()
    {
        Socket.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var call = await RecordAsync(context, method);
        FakeSlackReply? scripted = null;
        lock (_gate)
        {
            if (_scripted.TryGetValue(method, out var queue))
            {
                queue.TryDequeue(out scripted);
            }

            scripted ??= _failing.GetValueOrDefault(method);
        }

        var reply = scripted ?? DefaultReply(method, call);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body);
        Changed.Pulse();
    }

    private async Task HandleResponseAsync(HttpContext context, string id)
    {
        await RecordAsync(context, "response/" + id);
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("ok");
        Changed.Pulse();
    }

    private async Task<FakeSlackCall> RecordAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var call = new FakeSlackCall(method, context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
        lock (_gate)
        {
            _calls.Add(call);
        }

        return call;
    }

    private FakeSlackReply DefaultReply(string method, FakeSlackCall call)
    {
        switch (method)
        {
            case "chat.postMessage":
                var ts = $"1764000000.{Interlocked.Increment(ref _messages).ToString("D6", CultureInfo.InvariantCulture)}";
                var channel = call.Json.GetProperty("channel").GetString();
                return new(200, $$$"""{"ok":true,"channel":"{{{channel}}}","ts":"{{{ts}}}","message":{"user":"{{{BotUserId}}}"}}""");
            case "apps.connections.open":
                var ticket = Interlocked.Increment(ref _sockets);
                return new(200, $$"""{"ok":true,"url":"{{BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)}}/socket?ticket={{ticket}}"}""");
            case "auth.test":
                return new(200, $$"""{"ok":true,"user_id":"{{BotUserId}}","bot_id":"BPAPERBOT"}""");
            default:
                return new(200, """{"ok":true}""");
        }
    }
}
