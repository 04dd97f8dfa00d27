using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PaperBot.Discord.Tests.Support;

/// <summary>One Gateway WebSocket on the fake's side; the test sends frames, reads what the client sent, closes or drops it.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, string path, string query)
{
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort = new();

    /// <summary><c>/gateway</c> for a fresh connection, <c>/resume</c> for the resume URL READY handed out.</summary>
    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>Completes when the connection is over, either side having ended it.</summary>
    public Task Finished => _finished.Task;

    public async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _abort.Token);
        try
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, linked.Token).ConfigureAwait(false);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                await _received.Writer.WriteAsync(JsonNode.Parse(message.ToArray())!.AsObject(), linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client dropped the connection, or the test did.
        }
        finally
        {
            _received.Writer.TryComplete();
            _finished.TrySetResult();
        }
    }

    public Task SendAsync(JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendAsync(int op, JsonNode? d = null, long? s = null, string? t = null) =>
        SendAsync(new JsonObject { ["op"] = op, ["d"] = d, ["s"] = s, ["t"] = t });

    public Task HelloAsync(int heartbeatInterval = 45000) => SendAsync(10, new JsonObject { ["heartbeat_interval"] = heartbeatInterval });

    public Task DispatchAsync(string type, long sequence, JsonNode data) => SendAsync(0, data, sequence, type);

    /// <summary>The next frame the client sent; throws if none arrives in time or the connection ended.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _received.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The client sent no Gateway frame in time.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The Gateway connection ended before the client sent the expected frame.");
        }
    }

    /// <summary>Receives frames until one with opcode <paramref name="op"/> (skipping heartbeats unless asked for).</summary>
    public async Task<JsonObject> ReceiveOpAsync(int op)
    {
        while (true)
        {
            var frame = await ReceiveAsync().ConfigureAwait(false);
            if ((int)frame["op"]! == op)
            {
                return frame;
            }
        }
    }

    /// <summary>
    /// Asks the client to heartbeat (op 1) and waits for it. The client handles frames in order, so when this
    /// returns every frame sent before has been handled: a barrier instead of a sleep.
    /// </summary>
    public async Task BarrierAsync()
    {
        await SendAsync(1).ConfigureAwait(false);
        await ReceiveOpAsync(1).ConfigureAwait(false);
    }

    public async Task CloseAsync(int code, string reason)
    {
        await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
        await Finished.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    /// <summary>Drops the TCP connection without a close frame, as a network failure would.</summary>
    public void Drop()
    {
        socket.Abort();
        _abort.Cancel();
    }
}
