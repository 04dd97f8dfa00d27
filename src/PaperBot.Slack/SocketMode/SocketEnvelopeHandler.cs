using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Slack.Api;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Inbound;

namespace PaperBot.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into its acknowledgement: runs the slash command, applies the event or the click,
/// and returns the ack (with the command's reply as payload when the envelope accepts one). Never throws: a failing
/// envelope is still acknowledged, so Slack does not send it again forever. The one envelope left unacknowledged (null)
/// is an event PaperBot is too busy to take now: Slack sends an unacknowledged envelope again.
/// </summary>
internal sealed class SocketEnvelopeHandler(
    SlackCommandRunner commands,
    SlackEventProcessor events,
    SlackInteractionProcessor interactions,
    FollowUps followUps,
    ILogger<SocketEnvelopeHandler> logger)
{
    public async Task<SocketAck?> HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var envelopeId = envelope.EnvelopeId!;
        try
        {
            if (envelope.Type == "events_api" && envelope.Payload is { ValueKind: JsonValueKind.Object } eventPayload)
            {
                var accepted = await events.AcceptAsync(eventPayload.Deserialize(SlackJsonContext.Default.EventCallback)!, cancellationToken).ConfigureAwait(false);
                return accepted ? new SocketAck(envelopeId) : null;
            }

            var reply = await ReplyAsync(envelope, cancellationToken).ConfigureAwait(false);
            return new SocketAck(envelopeId, envelope.AcceptsResponsePayload ? reply : null);
        }
        catch (JsonException ex)
        {
            // A payload of the wrong shape is Slack's (or a proxy's) problem, not a failure here: HTTP mode answers it 400.
            Log.BadFrame(logger, ex.Message);
            return new SocketAck(envelopeId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.HandlerFailed(logger, ex, envelope.Type ?? "envelope");
            return new SocketAck(envelopeId);
        }
    }

    private async Task<SlackMessage?> ReplyAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            return null;
        }

        switch (envelope.Type)
        {
            case "slash_commands":
                var command = payload.Deserialize(SlackJsonContext.Default.SlashCommandPayload)!;
                var reply = await commands.RunAsync(command, cancellationToken).ConfigureAwait(false);
                if (reply is not null && !envelope.AcceptsResponsePayload)
                {
                    followUps.Send("command", command.ResponseUrl, Task.FromResult<SlackMessage?>(reply));
                }

                return reply;
            case "interactive":
                interactions.Handle(payload.Deserialize(SlackJsonContext.Default.InteractionPayload)!);
                return null;
            default:
                return null;
        }
    }
}
