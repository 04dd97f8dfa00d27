using System.Text.Json.Nodes;
using PaperBot.Testing.Slack;

namespace PaperBot.Discord.Tests.Support;

/// <summary>The Gateway side of the fake: <c>GET /gateway/bot</c>'s shard advice and limits, and the self-playing sessions.</summary>
internal sealed partial class FakeDiscord
{
    private readonly List<GatewayStart> _starts = [];
    private readonly Signal _started = new();
    private int _autoConnections;

    /// <summary>Play every Gateway connection automatically (<see cref="AutoGatewaySession"/>) instead of handing it to the test.</summary>
    public bool AutoGateway { get; set; }

    /// <summary><c>shards</c> in <c>GET /gateway/bot</c>.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c>: identifies per 5 s, one per bucket.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary><c>session_start_limit.remaining</c>.</summary>
    public int SessionStartsRemaining { get; set; } = 1000;

    public IReadOnlyList<GatewayStart> Starts
    {
        get
        {
            lock (_gate)
            {
                return [.. _starts];
            }
        }
    }

    /// <summary>Completes with the first session start matching <paramref name="match"/> (also one seen earlier).</summary>
    public async Task<GatewayStart> WaitForStartAsync(Func<GatewayStart, bool> match, string what, TimeSpan? timeout = null)
    {
        await _started.WaitAsync(() => Starts.Any(match), what, timeout).ConfigureAwait(false);
        return Starts.First(match);
    }

    /// <summary>The first identify of <paramref name="shardId"/> after start number <paramref name="after"/>.</summary>
    public Task<GatewayStart> WaitForIdentifyAsync(int shardId, int after = 0, TimeSpan? timeout = null) =>
        WaitForStartAsync(s => s.Kind == GatewayStartKind.Identify && s.ShardId == shardId && s.Number > after, $"an identify of shard {shardId}", timeout);

    internal void RecordStart(GatewayStart start)
    {
        lock (_gate)
        {
            _starts.Add(start with { At = _time.GetUtcNow(), Number = _starts.Count + 1 });
        }

        _started.Pulse();
    }

    internal int? ShardOfSession(string sessionId)
    {
        lock (_gate)
        {
            return _starts.LastOrDefault(s => s.SessionId == sessionId)?.ShardId;
        }
    }

    /// <summary>What <c>GET /gateway/bot</c> answers: this Gateway, the recommended shards and the session start limit.</summary>
    private JsonObject GatewayBot() => new()
    {
        ["url"] = GatewayUrl,
        ["shards"] = RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = SessionStartsRemaining,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = MaxConcurrency,
        },
    };

    private Task PlayAsync(FakeGatewayConnection connection) =>
        new AutoGatewaySession(connection, this, Interlocked.Increment(ref _autoConnections)).RunAsync();
}
