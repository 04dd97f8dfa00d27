using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Json;
using PaperBot.Core.Http;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>: verifies the signature over the raw body before reading anything,
/// answers 401 for a bad one and 400 for a body it cannot use, and otherwise the interaction's answer.
/// </summary>
internal sealed class InteractionEndpoint(InteractionVerifier verifier, InteractionRouter router, ILogger<InteractionEndpoint> logger)
{
    public const string Path = "/discord/interactions";
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.IsValid(signature, timestamp, body, out var problem))
        {
            Log.BadSignature(logger, problem!);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("invalid request signature", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException ex)
        {
            Log.MalformedInteraction(logger, ex.Message);
            interaction = null;
        }

        var reply = interaction is null ? null : await router.RouteAsync(interaction, context.RequestAborted).ConfigureAwait(false);
        if (reply is null)
        {
            if (interaction is not null)
            {
                Log.MalformedInteraction(logger, $"interaction type {interaction.Type} without the fields it needs");
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (reply.AfterSent is { } afterSent)
        {
            context.Response.OnCompleted(() =>
            {
                afterSent();
                return Task.CompletedTask;
            });
        }

        // Written whole with its length: a few KB at most, so one write and no chunked encoding.
        var json = reply.Json;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
