using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Slack.Api;

namespace PaperBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket, from connect to close. Envelopes are handled concurrently (a slow command does not
/// hold up the next event) and acknowledged one frame at a time. An ack that cannot be sent because the socket
/// went away is simply lost: Slack delivers that envelope again on the next connection, where it is deduplicated.
/// </summary>
internal sealed class SocketModeConnection(SocketEnvelopeHandler handler, ILogger logger) : IAsyncDisposable
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<Task> _inFlight = [];

    public async Task<SessionEnd> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        var greeted = false;
        try
        {
            _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
            _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(TimeSpan.FromSeconds(30));
                await _socket.ConnectAsync(url, connect.Token).ConfigureAwait(false);
            }

            while (true)
            {
                var frame = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (frame is null)
                {
                    return new SessionEnd(greeted, false, "Slack closed the connection");
                }

                var envelope = Parse(frame);
                switch (envelope)
                {
                    case null:
                        continue;
                    case { Type: "hello" }:
                        greeted = true;
                        Log.SocketConnected(logger);
                        break;
                    case { Type: "disconnect" }:
                        Log.SocketDisconnectRequested(logger, envelope.Reason ?? "no reason given");
                        return new SessionEnd(greeted, true, null);
                    case { EnvelopeId: { Length: > 0 } }:
                        _inFlight.RemoveAll(t => t.IsCompleted);
                        _inFlight.Add(HandleAsync(envelope, cancellationToken));
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SessionEnd(greeted, false, ex is OperationCanceledException ? "the connection timed out" : ex.Message);
        }
    }

    private async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes)
            {
                throw new WebSocketException("Slack sent a frame larger than 4 MiB");
            }

            if (result.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    private SocketEnvelope? Parse(byte[] frame)
    {
        try
        {
            return JsonSerializer.Deserialize(frame, SlackJsonContext.Default.SocketEnvelope);
        }
        catch (JsonException ex)
        {
            Log.BadFrame(logger, ex.Message);
            return null;
        }
    }

    private async Task HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(envelope, cancellationToken).ConfigureAwait(false) is not { } ack)
        {
            return;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, SlackJsonContext.Default.SocketAck);
        try
        {
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            Log.AckLost(logger, ack.EnvelopeId, ex.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Acks still being worked out are sent if the socket lives; otherwise they are lost and Slack resends.
        await Task.WhenAll(_inFlight).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_socket.State == WebSocketState.Open)
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", close.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Closing politely is best effort.
            }
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }
}
