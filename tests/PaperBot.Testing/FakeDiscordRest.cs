using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing.Platforms;

namespace PaperBot.Testing;

/// <summary>
/// Discord's REST API on 127.0.0.1, the one fake every test and benchmark posts to: create message (deduplicated by
/// <c>nonce</c> + <c>enforce_nonce</c> as Discord does; unlike Discord's few minutes, this memory never forgets), add
/// reaction, interaction webhooks, command registration and <c>/gateway/bot</c>. Every request is recorded
/// (<see cref="Requests"/>), every create also as a <see cref="DiscordPost"/>. Rate limits: <see cref="DiscordLimits"/>
/// (global and per-route buckets), and/or one per-channel message window (<see cref="MessageLimit"/>) that counts
/// requests sent into it when spent (<see cref="Violations"/>). Scripted: per-channel error answers, queued 429s,
/// <see cref="Faults"/> (5xx bursts, resets, lost answers, 429 storms) and a held answer, so a process can be killed
/// after Discord created the message but before the bot heard back. Time comes from the given clock.
/// </summary>
public sealed partial class FakeDiscordRest : IAsyncDisposable
{
    public const string Token = "test-bot-token.Secret-Value_123";
    public const string ApplicationId = "1263178492816216064";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly bool _checkToken;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<DiscordPost> _posts = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _channelAnswers = new();
    private readonly ConcurrentQueue<(double RetryAfter, bool Global)> _tooManyRequests = new();
    private int _reactions;
    private int _violations;

    private FakeDiscordRest(WebApplication app, DiscordLimits? limits, TimeProvider time, bool checkToken)
    {
        _app = app;
        _time = time;
        _checkToken = checkToken;
        Limits = limits;
        _app.Run(HandleAsync);
    }

    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>The rate limits enforced, if any.</summary>
    public DiscordLimits? Limits { get; }

    /// <summary>Faults to act out on the next message creates and reactions.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Messages one channel accepts per <see cref="MessageWindow"/>, announced in headers; null: no such window.</summary>
    public int? MessageLimit { get; set; }

    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Creates that arrived while their channel's window was spent: a well-behaved client sends none.</summary>
    public int Violations => Volatile.Read(ref _violations);

    /// <summary>What <c>GET /gateway/bot</c> answers; null: 404.</summary>
    public Func<System.Text.Json.Nodes.JsonObject>? GatewayBot { get; set; }

    /// <summary>Reactions added (answered 204).</summary>
    public int Reactions => Volatile.Read(ref _reactions);

    /// <summary>When the first reaction was added, if one was.</summary>
    public DateTimeOffset? FirstReactionAt { get; private set; }

    public IReadOnlyList<DiscordPost> Posts => Locked(() => (IReadOnlyList<DiscordPost>)[.. _posts]);

    public IReadOnlyList<RecordedRequest> Requests => Locked(() => (IReadOnlyList<RecordedRequest>)[.. _requests]);

    /// <param name="limits">Discord's rate limits to enforce, if any.</param>
    /// <param name="time">The clock of the limits, windows and timestamps (the real one unless given).</param>
    /// <param name="checkToken">Answer 401 to bot requests not authorized with <c>Bot </c><see cref="Token"/>.</param>
    public static async Task<FakeDiscordRest> StartAsync(DiscordLimits? limits = null, TimeProvider? time = null, bool checkToken = false)
    {
        var fake = new FakeDiscordRest(LoopbackApp.Create(), limits, time ?? TimeProvider.System, checkToken);
        fake.ApiBaseUrl = await LoopbackApp.StartAsync(fake._app).ConfigureAwait(false) + "/api/v10";
        return fake;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPart) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal)).ToList();

    /// <summary>Makes message creates in <paramref name="channelId"/> answer <paramref name="status"/> with a Discord error body.</summary>
    public void AnswerChannel(string channelId, int status, int code, string message) =>
        _channelAnswers[channelId] = (status, new System.Text.Json.Nodes.JsonObject { ["message"] = message, ["code"] = code }.ToJsonString());

    /// <summary>The next message create gets a 429 with this retry_after (seconds).</summary>
    public void EnqueueTooManyRequests(double retryAfter, bool global = false) => _tooManyRequests.Enqueue((retryAfter, global));

    /// <summary>Completes when the posts received so far satisfy <paramref name="condition"/>.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<DiscordPost>, bool> condition, TimeSpan timeout, string what) =>
        WaitAsync(() => condition(_posts), timeout, () => $"{what}; the fake Discord received {Posts.Count} posts");

    /// <summary>Completes when a request matching <paramref name="match"/> has arrived (also one that arrived earlier).</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        await WaitAsync(() => _requests.Any(match), timeout ?? TimeSpan.FromSeconds(10),
            () => $"the expected request; it got: {string.Join(", ", Requests)}").ConfigureAwait(false);
        return Requests.First(match);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _hold?.Release.TrySetResult();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition())
            {
                return;
            }

            _waiters.Add((condition, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what()}.");
        }
    }

    /// <summary>Under the lock, after a request or post was added: wakes the waiters it satisfies.</summary>
    private void Signal()
    {
        foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Signal.TrySetResult();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
