using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Gateway;

/// <summary>JSON frames over one WebSocket: whole-frame reads, serialized writes (heartbeats and replies share it), closing.</summary>
internal sealed class GatewaySocket(TimeProvider time) : IDisposable
{
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int? CloseStatus => (int?)_socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public async Task ConnectAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout, time);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await _socket.ConnectAsync(new Uri(url.TrimEnd('/') + "/?v=10&encoding=json"), connecting.Token).ConfigureAwait(false);
    }

    public async Task SendAsync<T>(T frame, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, type);
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

    /// <summary>The next whole frame, or null when the server closed the connection.</summary>
    public async Task<GatewayFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxFrameBytes)
            {
                throw new WebSocketException($"a Gateway frame exceeded {MaxFrameBytes} bytes");
            }

            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize(buffer.WrittenSpan, DiscordJsonContext.Default.GatewayFrame);
            }
        }
    }

    /// <summary>Closes with 4000 (not 1000/1001, which would end the session), so the session stays resumable.</summary>
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            await _socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone; nothing to close.
        }
    }

    /// <summary>Drops the connection without a close frame (a zombie connection).</summary>
    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
