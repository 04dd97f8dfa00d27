using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// One Gateway connection, from Hello to close: heartbeats (the first after a random part of the interval), a
/// missed ACK treated as a dead connection, identify or resume, dispatches handed on, and the reason it
/// ended sorted into resume, identify afresh or stop.
/// </summary>
internal sealed class GatewayConnection(GatewaySession session, string token, GatewayShard? shard, ReactionSaver reactions, TimeProvider time, ILogger logger)
{
    /// <summary>GUILDS | GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGE_REACTIONS: nothing privileged.</summary>
    public const int Intents = (1 << 0) | (1 << 10) | (1 << 13);

    private volatile bool _acknowledged = true;
    private volatile bool _missedAck;

    /// <summary>True once READY or RESUMED arrived: the connection was healthy, so backoff starts over.</summary>
    public bool ReachedSession { get; private set; }

    public async Task<GatewayEnd> RunAsync(string url, CancellationToken stopping)
    {
        using var socket = new GatewaySocket(time);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(url, stopping).ConfigureAwait(false);
            if (await socket.ReceiveAsync(connection.Token).ConfigureAwait(false) is not { Op: 10, D: { } helloData })
            {
                return new GatewayEnd(GatewayNext.Resume, "the Gateway did not start with Hello");
            }

            var hello = helloData.Deserialize(DiscordJsonContext.Default.HelloData)!;
            heartbeat = HeartbeatAsync(socket, TimeSpan.FromMilliseconds(hello.HeartbeatInterval), connection.Token);
            await StartSessionAsync(socket, connection.Token).ConfigureAwait(false);
            while (true)
            {
                if (await socket.ReceiveAsync(connection.Token).ConfigureAwait(false) is not { } frame)
                {
                    return GatewayCloseCodes.Classify(socket.CloseStatus, socket.CloseDescription);
                }

                if (await HandleAsync(socket, frame, connection.Token).ConfigureAwait(false) is { } end)
                {
                    await socket.CloseAsync().ConfigureAwait(false);
                    return end;
                }
            }
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested && ex is WebSocketException or OperationCanceledException or IOException or JsonException)
        {
            return _missedAck
                ? new GatewayEnd(GatewayNext.Resume, "no heartbeat ACK arrived between two heartbeats")
                : new GatewayEnd(GatewayNext.Resume, $"the connection dropped: {ex.Message}");
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Task StartSessionAsync(GatewaySocket socket, CancellationToken cancellationToken) => session.CanResume
        ? socket.SendAsync(new ResumeFrame(new ResumeData(token, session.SessionId!, session.Sequence!.Value)), DiscordJsonContext.Default.ResumeFrame, cancellationToken)
        : socket.SendAsync(
            new IdentifyFrame(new IdentifyData(token, Intents, new IdentifyProperties("linux", "paperbot", "paperbot"), shard is null ? null : [shard.Id, shard.Count])),
            DiscordJsonContext.Default.IdentifyFrame, cancellationToken);

    /// <summary>Handles one frame; returns why to end the connection, or null to go on.</summary>
    private async Task<GatewayEnd?> HandleAsync(GatewaySocket socket, GatewayFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Op)
        {
            case 0:
                session.Sequence = frame.S ?? session.Sequence;
                Dispatch(frame);
                return null;
            case 1:
                await SendHeartbeatAsync(socket, cancellationToken).ConfigureAwait(false);
                return null;
            case 7:
                return new GatewayEnd(GatewayNext.Resume, "Discord asked PaperBot to reconnect (op 7)");
            case 9 when frame.D is { ValueKind: JsonValueKind.True }:
                return new GatewayEnd(GatewayNext.Resume, "Discord invalidated the connection, the session can be resumed (op 9 true)");
            case 9:
                session.Clear();
                return new GatewayEnd(GatewayNext.Identify, "Discord invalidated the session (op 9 false)");
            case 11:
                _acknowledged = true;
                return null;
            default:
                return null;
        }
    }

    private void Dispatch(GatewayFrame frame)
    {
        switch (frame.T)
        {
            case "READY" when frame.D is { } data:
                var ready = data.Deserialize(DiscordJsonContext.Default.ReadyData)!;
                session.SessionId = ready.SessionId;
                session.ResumeUrl = ready.ResumeGatewayUrl;
                session.BotUserId = ready.User.Id;
                ReachedSession = true;
                Log.GatewayReady(logger, ready.User.Id, Label);
                break;
            case "RESUMED":
                ReachedSession = true;
                Log.GatewayResumed(logger, Label);
                break;
            case "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE" when frame.D is { } data:
                HandleReaction(data.Deserialize(DiscordJsonContext.Default.ReactionEvent)!, frame.T == "MESSAGE_REACTION_ADD");
                break;
        }
    }

    private string Label => shard is null ? "" : $" (shard {shard.Id} of {shard.Count})";

    private void HandleReaction(ReactionEvent reaction, bool added)
    {
        try
        {
            reactions.Handle(reaction, added, session.BotUserId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One reaction that cannot be applied (a storage hiccup) must not end the session.
            Log.ReactionFailedToApply(logger, ex, reaction.MessageId);
        }
    }

    private async Task HeartbeatAsync(GatewaySocket socket, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // Jitter spreads the first beats of many clients over the interval, as Discord asks.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_acknowledged)
                {
                    // A zombie connection: drop it without a clean close so the session stays resumable.
                    _missedAck = true;
                    socket.Abort();
                    return;
                }

                _acknowledged = false;
                await SendHeartbeatAsync(socket, cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; RunAsync reports why.
        }
    }

    private Task SendHeartbeatAsync(GatewaySocket socket, CancellationToken cancellationToken) =>
        socket.SendAsync(new HeartbeatFrame(session.Sequence), DiscordJsonContext.Default.HeartbeatFrame, cancellationToken);
}
