using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Slack;

/// <summary>
/// Slack's side of Socket Mode: one WebSocket at a time, each URL usable once, <c>hello</c> first, envelopes
/// resent on the next connection until acknowledged (as Slack does), <c>disconnect</c> on demand, and a way to
/// make acknowledgements get lost in transit.
/// </summary>
public sealed class FakeSocketMode(Signal changed)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<(string Id, string Frame)> _unacked = [];
    private readonly Dictionary<string, List<JsonElement>> _acks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tickets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loseAcksOf = new(StringComparer.Ordinal);
    private WebSocket? _current;
    private int _nextEnvelope;

    /// <summary>Connections that were greeted with hello.</summary>
    public int Connections { get; private set; }

    public int LostAcks { get; private set; }

    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>Every acknowledgement received for <paramref name="envelopeId"/> (each a JSON object).</summary>
    public IReadOnlyList<JsonElement> AcksOf(string envelopeId)
    {
        lock (_gate)
        {
            return _acks.TryGetValue(envelopeId, out var acks) ? [.. acks] : [];
        }
    }

    /// <summary>Drops the acknowledgement of this envelope when it arrives, as if the network had lost it.</summary>
    public void LoseAckOf(string envelopeId)
    {
        lock (_gate)
        {
            _loseAcksOf.Add(envelopeId);
        }
    }

    public Task WaitForConnectionsAsync(int count) =>
        changed.WaitAsync(() => Connections >= count && IsConnected, $"{count} greeted Socket Mode connection(s); saw {Connections}");

    public Task WaitForAckAsync(string envelopeId) =>
        changed.WaitAsync(() => AcksOf(envelopeId).Count > 0, $"the acknowledgement of envelope {envelopeId}");

    public Task WaitForLostAcksAsync(int count) => changed.WaitAsync(() => LostAcks >= count, $"{count} lost acknowledgement(s)");

    /// <summary>Sends an envelope now if connected (and again on every later connection until it is acknowledged).</summary>
    public async Task<string> DeliverAsync(string type, string payloadJson, bool acceptsResponsePayload = false)
    {
        var id = $"env-{Interlocked.Increment(ref _nextEnvelope)}";
        var frame = $$"""{"envelope_id":"{{id}}","type":"{{type}}","payload":{{payloadJson}},"accepts_response_payload":{{(acceptsResponsePayload ? "true" : "false")}},"retry_attempt":0,"retry_reason":""}""";
        WebSocket? socket;
        lock (_gate)
        {
            _unacked.Add((id, frame));
            socket = _current;
        }

        if (socket is not null)
        {
            await SendAsync(socket, frame);
        }

        return id;
    }

    public async Task SendDisconnectAsync(string reason)
    {
        WebSocket? socket;
        lock (_gate)
        {
            socket = _current;
        }

        if (socket is not null)
        {
            await SendAsync(socket, $$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"fake"}}""");
        }
    }

    /// <summary>Kills the current socket without a close handshake, as a network failure would.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            _current?.Abort();
        }
    }

    internal async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        bool fresh;
        lock (_gate)
        {
            fresh = _tickets.Add(ticket);
        }

        if (!context.WebSockets.IsWebSocketRequest || !fresh)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        string[] resend;
        lock (_gate)
        {
            _current = socket;
            Connections++;
            resend = [.. _unacked.Select(u => u.Frame)];
        }

        await SendAsync(socket, """{"type":"hello","num_connections":1,"debug_info":{"host":"fake"},"connection_info":{"app_id":"A0PAPERBOT"}}""");
        foreach (var frame in resend)
        {
            await SendAsync(socket, frame);
        }

        changed.Pulse();
        await ReceiveAcksAsync(socket);
        lock (_gate)
        {
            if (_current == socket)
            {
                _current = null;
            }
        }

        changed.Pulse();
    }

    private async Task ReceiveAcksAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                Record(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted: the connection is gone.
        }
    }

    private void Record(JsonElement ack)
    {
        var id = ack.GetProperty("envelope_id").GetString()!;
        lock (_gate)
        {
            if (_loseAcksOf.Remove(id))
            {
                LostAcks++;
            }
            else
            {
                _unacked.RemoveAll(u => u.Id == id);
                if (!_acks.TryGetValue(id, out var list))
                {
                    _acks[id] = list = [];
                }

                list.Add(ack);
            }
        }

        changed.Pulse();
    }

    private async Task SendAsync(WebSocket socket, string frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The socket died; the frame is resent on the next connection while it stays unacknowledged.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
