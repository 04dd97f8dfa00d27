using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing;

/// <summary>
/// A stand-in for huggingface.co: a real Kestrel server on 127.0.0.1 (random port), so the bytes on
/// the wire are what gets tested. Each path has a standing reply (<see cref="SetPage"/>) and an optional
/// script of one-shot replies served first (<see cref="Enqueue(string, int, string?, TimeSpan?, IReadOnlyDictionary{string, string}?)"/>).
/// Replies with an ETag or Last-Modified answer conditional requests with 304. Every request is recorded.
/// A key may be a path (<c>/papers</c>, any query) or a path and query (<c>/api/daily_papers?date=2026-11-24&amp;limit=100</c>).
/// Until a test sets its own replies, it serves the saved listings of the real shapes where Hugging Face serves them.
/// </summary>
public sealed class FakeListingServer : IAsyncDisposable
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Reply> _standing = new(StringComparer.Ordinal);

    // Hugging Face's real shapes, answered only where no standing or scripted reply of the test's own matches.
    private readonly Dictionary<string, Reply> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Reply>> _scripted = new(StringComparer.Ordinal);
    private readonly List<ReceivedRequest> _requests = [];
    private readonly List<(Func<IReadOnlyList<ReceivedRequest>, bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    private FakeListingServer(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary>Base URL without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the server; by default it answers as Hugging Face would with the real shapes (<see cref="ServeRealShapes"/>).</summary>
    public static async Task<FakeListingServer> StartAsync(bool realShapes = true)
    {
        var server = new FakeListingServer(LoopbackApp.Create());
        server.BaseUrl = await LoopbackApp.StartAsync(server._app).ConfigureAwait(false);
        if (realShapes)
        {
            server.ServeRealShapes();
        }

        return server;
    }

    /// <summary>The requests whose path (without query) is <paramref name="path"/>.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToArray();

    /// <summary>Serves <paramref name="body"/> as HTML at <paramref name="key"/> until replaced.</summary>
    public void SetPage(string key, string body, string? etag = null, DateTimeOffset? lastModified = null) =>
        SetReply(key, new Reply { Body = body, ContentType = HtmlType, ETag = etag, LastModified = lastModified });

    /// <summary>Serves <paramref name="json"/> as JSON at <paramref name="key"/> until replaced.</summary>
    public void SetJson(string key, string json, string? etag = null, DateTimeOffset? lastModified = null) =>
        SetReply(key, new Reply { Body = json, ContentType = JsonType, ETag = etag, LastModified = lastModified });

    /// <summary>
    /// Serves the saved listings of the real shapes (<see cref="ListingFixtures"/>) where Hugging Face serves them, beneath
    /// any reply a test sets itself: the
    /// current day page of 2026-09-28 as the latest page and under its day, the 2024 page under 2024-08-01, Sunday
    /// 2026-09-27 as a redirect to the Monday page, and the two API answers under their days (the June one as the latest).
    /// </summary>
    public void ServeRealShapes()
    {
        var current = Html(ListingFixtures.Read(ListingFixtures.DayPage2026));
        var june = Json(ListingFixtures.Read(ListingFixtures.ApiJune));
        lock (_gate)
        {
            _defaults["/papers"] = current;
            _defaults["/papers/date/2026-09-28"] = current;
            _defaults["/papers/date/2026-09-27"] = new Reply { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = "/papers/date/2026-09-28" } };
            _defaults["/papers/date/2024-08-01"] = Html(ListingFixtures.Read(ListingFixtures.DayPage2024));
            _defaults["/api/daily_papers?limit=100"] = june;
            _defaults["/api/daily_papers?date=2026-06-12&limit=100"] = june;
            _defaults["/api/daily_papers?date=2026-08-03&limit=100"] = Json(ListingFixtures.Read(ListingFixtures.ApiAugust));
        }

        static Reply Html(string body) => new() { Body = body, ContentType = HtmlType };
        static Reply Json(string body) => new() { Body = body, ContentType = JsonType };
    }

    /// <summary>Answers <paramref name="key"/> with a redirect to <paramref name="location"/> (as an empty papers-day does).</summary>
    public void SetRedirect(string key, string location, int status = 302) =>
        SetReply(key, new Reply { Status = status, Headers = new Dictionary<string, string> { ["Location"] = location } });

    public void SetReply(string key, Reply reply)
    {
        lock (_gate)
        {
            _standing[key] = reply;
        }
    }

    /// <summary>Queues a one-shot reply served before the standing one, e.g. <c>Enqueue("/papers", 500)</c> twice.</summary>
    public void Enqueue(string key, int status, string? body = null, TimeSpan? delay = null, IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(key, new Reply { Status = status, Body = body, Delay = delay ?? TimeSpan.Zero, Headers = headers ?? new Dictionary<string, string>() });

    public void Enqueue(string key, Reply reply)
    {
        lock (_gate)
        {
            if (!_scripted.TryGetValue(key, out var queue))
            {
                _scripted[key] = queue = new Queue<Reply>();
            }

            queue.Enqueue(reply);
        }
    }

    /// <summary>Queues a request that never answers (until the client gives up or the server stops).</summary>
    public void EnqueueHang(string key) => Enqueue(key, new Reply { Delay = Timeout.InfiniteTimeSpan });

    /// <summary>Completes when <paramref name="count"/> requests have arrived; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task WaitForRequestsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(requests => requests.Count >= count, timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Completes when <paramref name="condition"/> holds for the requests received; no polling, no sleeping.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedRequest>, bool> condition, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_requests))
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
            throw new TimeoutException($"The fake listing server did not see the expected requests within {timeout}; it saw: {string.Join(", ", Requests.Select(r => r.PathAndQuery))}");
        }
    }

    /// <summary>Forgets the test's replies, scripts and recorded requests (the real shapes, if served, stay).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _standing.Clear();
            _scripted.Clear();
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = Record(context.Request);
        var reply = Next(received);
        if (!await PauseAsync(context, reply.Delay).ConfigureAwait(false))
        {
            return;
        }

        await WriteAsync(context, reply, received).ConfigureAwait(false);
    }

    /// <summary>Waits; false when the client went away or the server is stopping (the connection is then aborted).</summary>
    private async Task<bool> PauseAsync(HttpContext context, TimeSpan delay)
    {
        if (delay == TimeSpan.Zero)
        {
            return true;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(delay, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return false;
        }
    }

    private ReceivedRequest Record(HttpRequest request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var received = new ReceivedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _requests.Add(received);
            foreach (var waiter in _waiters.Where(w => w.Condition(_requests)).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return received;
    }

    private Reply Next(ReceivedRequest request)
    {
        lock (_gate)
        {
            foreach (var key in new[] { request.PathAndQuery, request.Path })
            {
                if (_scripted.TryGetValue(key, out var queue) && queue.TryDequeue(out var scripted))
                {
                    return scripted;
                }
            }

            foreach (var key in new[] { request.PathAndQuery, request.Path })
            {
                if (_standing.TryGetValue(key, out var standing))
                {
                    return standing;
                }
            }

            foreach (var key in new[] { request.PathAndQuery, request.Path })
            {
                if (_defaults.TryGetValue(key, out var fallback))
                {
                    return fallback;
                }
            }
        }

        return new Reply { Status = 404, Body = $"FakeListingServer has no reply for {request.PathAndQuery}", ContentType = "text/plain" };
    }

    private async Task WriteAsync(HttpContext context, Reply reply, ReceivedRequest request)
    {
        var response = context.Response;
        if (reply.ETag is { } etag)
        {
            response.Headers.ETag = etag;
        }

        if (reply.LastModified is { } lastModified)
        {
            response.Headers.LastModified = lastModified.ToString("R");
        }

        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        if (reply.Status == 200 && IsNotModified(reply, request))
        {
            response.StatusCode = (int)HttpStatusCode.NotModified;
            return;
        }

        response.StatusCode = reply.Status;
        if (reply.Body is null)
        {
            return;
        }

        response.ContentType = reply.ContentType;
        if (reply.BodyDelay == TimeSpan.Zero)
        {
            await response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // Headers and half the body now, the rest after the pause: a server that stalls mid-body.
        var half = reply.Body.Length / 2;
        await response.WriteAsync(reply.Body[..half], context.RequestAborted).ConfigureAwait(false);
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (await PauseAsync(context, reply.BodyDelay).ConfigureAwait(false))
        {
            await response.WriteAsync(reply.Body[half..], context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool IsNotModified(Reply reply, ReceivedRequest request)
    {
        if (request.Header("If-None-Match") is { } ifNoneMatch)
        {
            return reply.ETag is { } etag
                && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag == etag);
        }

        return reply.LastModified is { } lastModified
            && request.Header("If-Modified-Since") is { } since
            && DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var sinceDate)
            && lastModified.ToUnixTimeSeconds() <= sinceDate.ToUnixTimeSeconds();
    }

    /// <summary>One answer of the fake server.</summary>
    public sealed record Reply
    {
        public int Status { get; init; } = 200;

        public string? Body { get; init; }

        public string ContentType { get; init; } = HtmlType;

        /// <summary>Quoted entity tag, e.g. <c>"\"abc\""</c>. Matching If-None-Match gets a 304.</summary>
        public string? ETag { get; init; }

        public DateTimeOffset? LastModified { get; init; }

        /// <summary>Wait before answering; <see cref="Timeout.InfiniteTimeSpan"/> hangs until the client gives up.</summary>
        public TimeSpan Delay { get; init; }

        /// <summary>Wait after sending the headers and half the body; <see cref="Timeout.InfiniteTimeSpan"/> stalls mid-body.</summary>
        public TimeSpan BodyDelay { get; init; }

        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>One request as it arrived on the wire.</summary>
    public sealed record ReceivedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt)
    {
        public string PathAndQuery => Path + Query;

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
