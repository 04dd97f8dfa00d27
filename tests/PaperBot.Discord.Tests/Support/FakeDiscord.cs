using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// A stand-in for discord.com on 127.0.0.1: REST (messages with a realistic per-channel rate-limit bucket,
/// 429s, nonce deduplication, reactions, interaction webhooks, command registration, /gateway/bot) and a real
/// WebSocket Gateway whose connections the test drives frame by frame. Time comes from the test's clock.
/// </summary>
internal sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string Token = "test-bot-token.Secret-Value_123";
    public const string ApplicationId = "1263178492816216064";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource Signal)> _waiters = [];
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _channelAnswers = new();
    private readonly ConcurrentQueue<(double RetryAfter, bool Global)> _tooManyRequests = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = [];
    private readonly Dictionary<string, string> _messagesByNonce = [];
    private long _nextId = 1300000000000000000;
    private int _violations;

    private FakeDiscord(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _app.UseWebSockets();
        _app.Run(context => context.Request.Path.StartsWithSegments("/gateway") || context.Request.Path.StartsWithSegments("/resume")
            ? AcceptGatewayAsync(context)
            : HandleRestAsync(context));
    }

    public string Root { get; private set; } = "";

    public string ApiBaseUrl => Root + "/api/v10";

    public string GatewayUrl => Root.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeUrl => Root.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    /// <summary>Messages one channel accepts per <see cref="MessageWindow"/> (Discord: about 5 per 5 s).</summary>
    public int MessageLimit { get; set; } = 5;

    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests that arrived while their bucket was exhausted: a well-behaved client sends none.</summary>
    public int Violations => Volatile.Read(ref _violations);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeDiscord> StartAsync(TimeProvider time)
    {
        var fake = new FakeDiscord(LoopbackApp.Create(), time);
        fake.Root = await LoopbackApp.StartAsync(fake._app).ConfigureAwait(false);
        return fake;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPart) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal)).ToList();

    /// <summary>Makes message creates in <paramref name="channelId"/> answer <paramref name="status"/> with a Discord error body.</summary>
    public void AnswerChannel(string channelId, int status, int code, string message) =>
        _channelAnswers[channelId] = (status, new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString());

    /// <summary>The next message create gets a 429 with this retry_after (seconds).</summary>
    public void EnqueueTooManyRequests(double retryAfter, bool global = false) => _tooManyRequests.Enqueue((retryAfter, global));

    /// <summary>Completes when a request matching <paramref name="match"/> has arrived (also one that arrived earlier).</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_requests.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((match, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The fake Discord never got the expected request; it got: {string.Join(", ", Requests)}");
        }

        return Requests.First(match);
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

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request).ConfigureAwait(false);
        var path = request.Path.StartsWith("/api/v10/", StringComparison.Ordinal) ? request.Path["/api/v10/".Length..] : null;
        var (status, body, headers) = path is null ? (404, "{\"message\":\"404: Not Found\",\"code\":0}", null) : Answer(request, path.Split('/'));
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body).ConfigureAwait(false);
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", rawTarget, body, headers, _time.GetUtcNow());
        lock (_gate)
        {
            _requests.Add(recorded);
            foreach (var waiter in _waiters.Where(w => w.Match(recorded)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return recorded;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
