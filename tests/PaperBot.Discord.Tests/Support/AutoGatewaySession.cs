using System.Text.Json.Nodes;
using PaperBot.Testing.Slack;

namespace PaperBot.Discord.Tests.Support;

/// <summary>
/// A Gateway connection the fake plays by itself (<see cref="FakeDiscord.AutoGateway"/>): Hello, READY for an identify
/// (a session id of its own per connection), RESUMED for a resume, an ACK for every heartbeat. The test reads which
/// shard started and dispatches events on the connection of the shard it wants.
/// </summary>
internal sealed class AutoGatewaySession(FakeGatewayConnection connection, FakeDiscord fake, int number)
{
    /// <summary>Ten minutes, so that the client's own heartbeats (acknowledged anyway) rarely come up in a test.</summary>
    public const int HeartbeatInterval = 600_000;

    private readonly Signal _beat = new();
    private long _sequence;
    private long _lastBeat = -1;

    public FakeGatewayConnection Connection => connection;

    /// <summary>The shard the client identified or resumed on this connection; null until then (or when unsharded).</summary>
    public int? ShardId { get; private set; }

    public string? SessionId { get; private set; }

    /// <summary>Sends <paramref name="type"/> with the next sequence number.</summary>
    public Task DispatchAsync(string type, JsonNode data) => connection.DispatchAsync(type, Interlocked.Increment(ref _sequence), data);

    /// <summary>
    /// Returns once the client handled every frame sent before: it answers a heartbeat request with the last sequence
    /// it handled, and it handles frames in order.
    /// </summary>
    public async Task BarrierAsync()
    {
        var sent = Interlocked.Read(ref _sequence);
        await connection.SendAsync(1).ConfigureAwait(false);
        await _beat.WaitAsync(() => Interlocked.Read(ref _lastBeat) >= sent, $"a heartbeat with sequence {sent} on shard {ShardId}").ConfigureAwait(false);
    }

    public async Task RunAsync()
    {
        await connection.HelloAsync(HeartbeatInterval).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var frame = await connection.ReceiveAsync(Timeout.InfiniteTimeSpan).ConfigureAwait(false);
                await AnswerAsync(frame).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // The connection ended.
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            // The client went away while the fake answered.
        }
    }

    private async Task AnswerAsync(JsonObject frame)
    {
        var d = frame["d"];
        switch ((int)frame["op"]!)
        {
            case 1:
                Interlocked.Exchange(ref _lastBeat, d is null ? 0 : (long)d);
                await connection.SendAsync(11).ConfigureAwait(false);
                _beat.Pulse();
                break;
            case 2:
                var shard = d!["shard"]?.AsArray();
                ShardId = shard is null ? null : (int)shard[0]!;
                SessionId = $"session-{ShardId}-{number}";
                fake.RecordStart(new GatewayStart(GatewayStartKind.Identify, ShardId, shard is null ? null : (int)shard[1]!, SessionId, this));
                var ready = GatewayJson.Ready(fake.ResumeUrl);
                ready["session_id"] = SessionId;
                ready["shard"] = shard?.DeepClone();
                await DispatchAsync("READY", ready).ConfigureAwait(false);
                break;
            case 6:
                SessionId = d!["session_id"]!.GetValue<string>();
                ShardId = fake.ShardOfSession(SessionId);
                Interlocked.Exchange(ref _sequence, (long)d["seq"]!);
                fake.RecordStart(new GatewayStart(GatewayStartKind.Resume, ShardId, null, SessionId, this));
                await DispatchAsync("RESUMED", new JsonObject()).ConfigureAwait(false);
                break;
        }
    }
}
