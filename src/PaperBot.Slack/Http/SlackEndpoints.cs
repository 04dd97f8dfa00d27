using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Slack.Api;
using PaperBot.Slack.Inbound;

namespace PaperBot.Slack.Http;

/// <summary>
/// HTTP mode: Slack POSTs slash commands, events and button clicks here. Every request is verified before anything
/// is parsed; an unsigned, forged or stale one gets 401 and a malformed one 400, and neither touches the store.
/// </summary>
internal static class SlackEndpoints
{
    public static async Task CommandsAsync(HttpContext context)
    {
        if (await VerifiedRequest.ReadAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var command = SlashCommandPayload.FromForm(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        if (!command.IsComplete)
        {
            await VerifiedRequest.RefuseAsync(context, StatusCodes.Status400BadRequest, "a slash command without a valid channel_id or user_id").ConfigureAwait(false);
            return;
        }

        var reply = await context.RequestServices.GetRequiredService<SlackCommandRunner>().RunAsync(command, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (reply is not null)
        {
            await context.Response.WriteAsJsonAsync(reply, SlackJsonContext.Default.SlackMessage, contentType: null, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public static async Task EventsAsync(HttpContext context)
    {
        if (await VerifiedRequest.ReadAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        if (!TryParse(body, SlackJsonContext.Default.EventCallback, out var callback))
        {
            await VerifiedRequest.RefuseAsync(context, StatusCodes.Status400BadRequest, "an event that is not Slack's JSON").ConfigureAwait(false);
            return;
        }

        if (callback.Type == "url_verification")
        {
            await context.Response.WriteAsJsonAsync(new UrlVerificationAnswer(callback.Challenge ?? ""), SlackJsonContext.Default.UrlVerificationAnswer,
                contentType: null, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // Acknowledged within the ack budget whatever the work costs; an event PaperBot cannot take now gets a 503,
        // which Slack retries later, instead of a 200 for work that was never queued.
        var accepted = await context.RequestServices.GetRequiredService<SlackEventProcessor>().AcceptAsync(callback, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = accepted ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
    }

    public static async Task InteractivityAsync(HttpContext context)
    {
        if (await VerifiedRequest.ReadAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payloadText)
            || !TryParse(Encoding.UTF8.GetBytes(payloadText.ToString()), SlackJsonContext.Default.InteractionPayload, out var payload))
        {
            await VerifiedRequest.RefuseAsync(context, StatusCodes.Status400BadRequest, "a click without a JSON payload field").ConfigureAwait(false);
            return;
        }

        context.RequestServices.GetRequiredService<SlackInteractionProcessor>().Handle(payload);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static bool TryParse<T>(byte[] json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, out T value) where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(json, type)!;
            return value is not null;
        }
        catch (JsonException)
        {
            value = null!;
            return false;
        }
    }
}
