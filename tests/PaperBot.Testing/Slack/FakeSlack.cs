using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing.Platforms;

namespace PaperBot.Testing.Slack;

/// <summary>
/// A stand-in for Slack on 127.0.0.1: the Web API under <c>/api/{method}</c>, response URLs under <c>/response/{id}</c>,
/// file upload URLs under <c>/upload/v1/{secret}</c> (recorded as method <c>upload</c>) and Socket Mode over a real
/// WebSocket at <c>/socket</c> (see <see cref="FakeSocketMode"/>). Every call is recorded; answers can be scripted per
/// method, otherwise each method answers as Slack does when all is well (conversations.history lists what was
/// posted). <see cref="Limits"/>, when set, enforces Slack's rate limits; <see cref="Faults"/> scripts 5xx bursts,
/// connection resets, lost answers and 429 storms on Web API calls.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotUserId = "UPAPERBOT";

    /// <summary>Part of every upload URL this fake hands out: the secret a log must never show.</summary>
    public const string UploadSecret = "UPLOADSECRETq7Zx";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeSlackCall> _calls = [];
    private readonly Dictionary<string, Queue<FakeSlackReply>> _scripted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackReply> _failing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private int _messages;
    private int _sockets;
    private int _files;

    private FakeSlack(WebApplication app)
    {
        _app = app;
        Socket = new FakeSocketMode(Changed);
        _app.UseWebSockets();
        _app.Map("/socket", Socket.AcceptAsync);
        _app.MapPost("/api/{method}", HandleApiAsync);
        _app.MapPost("/response/{id}", HandleResponseAsync);
        _app.MapPost("/upload/v1/{secret}", HandleUploadAsync);
    }

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api";

    public FakeSocketMode Socket { get; }

    /// <summary>Slack's rate limits, enforced on Web API calls when set (before the fake serves any).</summary>
    public SlackLimits? Limits { get; set; }

    public FaultPlan Faults { get; } = new();

    /// <summary>What chat.postMessage posted, as conversations.history reports it.</summary>
    public FakeSlackHistory History { get; } = new();

    /// <summary>Admins, owners and channel creators, as users.info and conversations.info answer them.</summary>
    public FakeSlackDirectory Directory { get; } = new();

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
        var slack = new FakeSlack(LoopbackApp.Create());
        slack.BaseUrl = await LoopbackApp.StartAsync(slack._app);
        return slack;
    }

    /// <summary>The direct message channel conversations.open answers for <paramref name="userId"/>.</summary>
    public static string DirectChannelOf(string userId) => "D" + userId;

    /// <summary>The upload URL files.getUploadURLExternal hands out for <paramref name="fileId"/>.</summary>
    public string UploadUrl(string fileId) => $"{BaseUrl}/upload/v1/{UploadSecret}{fileId}";

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

    /// <summary>Records calls of <paramref name="method"/> at once but answers them only when the returned source completes.</summary>
    public TaskCompletionSource Hold(string method)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holds[method] = release;
        }

        return release;
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
        var call = await ReadAsync(context, method);
        var fault = Faults.Next();
        var refused = await FaultResponses.TryActOutAsync(context, fault, SlackLimits.TooManyAsync, Faults.RetryAfter);
        if (!refused && Limits is not null && !Limits.Admit(method, ChannelOf(call), out var retryAfter))
        {
            await SlackLimits.TooManyAsync(context, retryAfter);
            refused = true;
        }

        Record(refused ? call with { Refused = true } : call);
        if (refused)
        {
            Changed.Pulse();
            return;
        }

        await HeldAsync(method);
        var reply = Scripted(method) ?? DefaultReply(method, call);
        if (FaultResponses.LoseAnswer(context, fault))
        {
            Changed.Pulse();
            return;
        }

        await AnswerAsync(context, reply, "application/json; charset=utf-8");
    }

    private static string? ChannelOf(FakeSlackCall call) =>
        call.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true && call.Json.TryGetProperty("channel", out var channel)
            ? channel.GetString()
            : null;

    /// <summary>Slack's upload service answers a plain-text "OK - length".</summary>
    private async Task HandleUploadAsync(HttpContext context, string secret)
    {
        var call = await RecordAsync(context, "upload");
        await HeldAsync("upload");
        await AnswerAsync(context, Scripted("upload") ?? new FakeSlackReply(200, $"OK - {call.Bytes.Length.ToString(CultureInfo.InvariantCulture)}"), "text/plain");
    }

    private Task HeldAsync(string method)
    {
        Changed.Pulse();
        lock (_gate)
        {
            return _holds.TryGetValue(method, out var release) ? release.Task.WaitAsync(TimeSpan.FromSeconds(10)) : Task.CompletedTask;
        }
    }

    private FakeSlackReply? Scripted(string method)
    {
        lock (_gate)
        {
            FakeSlackReply? scripted = null;
            if (_scripted.TryGetValue(method, out var queue))
            {
                queue.TryDequeue(out scripted);
            }

            return scripted ?? _failing.GetValueOrDefault(method);
        }
    }

    private async Task AnswerAsync(HttpContext context, FakeSlackReply reply, string contentType)
    {
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = contentType;
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
        var call = await ReadAsync(context, method);
        Record(call);
        return call;
    }

    private void Record(FakeSlackCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private static async Task<FakeSlackCall> ReadAsync(HttpContext context, string method)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var call = new FakeSlackCall(method, context.Request.Headers.Authorization.ToString(), Encoding.UTF8.GetString(bytes))
        {
            Bytes = bytes,
            ContentType = context.Request.ContentType,
            Path = context.Request.Path.Value ?? "",
        };
        return call;
    }

    private FakeSlackReply DefaultReply(string method, FakeSlackCall call)
    {
        switch (method)
        {
            case "chat.postMessage":
                var ts = $"1764000000.{Interlocked.Increment(ref _messages).ToString("D6", CultureInfo.InvariantCulture)}";
                var channel = call.Json.GetProperty("channel").GetString();
                History.Add(channel ?? "", ts, call.Json);
                return new(200, $$$"""{"ok":true,"channel":"{{{channel}}}","ts":"{{{ts}}}","message":{"user":"{{{BotUserId}}}"}}""");
            case "apps.connections.open":
                var ticket = Interlocked.Increment(ref _sockets);
                return new(200, $$"""{"ok":true,"url":"{{BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)}}/socket?ticket={{ticket}}"}""");
            case "conversations.open":
                return new(200, $$$"""{"ok":true,"channel":{"id":"{{{DirectChannelOf(call.Form["users"])}}}"}}""");
            case "files.getUploadURLExternal":
                var fileId = $"F0EXPORT{Interlocked.Increment(ref _files).ToString(CultureInfo.InvariantCulture)}";
                return new(200, $$"""{"ok":true,"upload_url":"{{UploadUrl(fileId)}}","file_id":"{{fileId}}"}""");
            case "conversations.history":
                var limit = int.TryParse(call.Form.GetValueOrDefault("limit"), CultureInfo.InvariantCulture, out var n) ? n : 100;
                return new(200, History.Answer(call.Form.GetValueOrDefault("channel") ?? "", limit));
            case "users.info":
                return new(200, Directory.UserInfo(call.Form.GetValueOrDefault("user") ?? ""));
            case "conversations.info":
                return new(200, Directory.ConversationInfo(call.Form.GetValueOrDefault("channel") ?? ""));
            case "auth.test":
                return new(200, $$"""{"ok":true,"user_id":"{{BotUserId}}","bot_id":"BPAPERBOT"}""");
            default:
                return new(200, """{"ok":true}""");
        }
    }
}
