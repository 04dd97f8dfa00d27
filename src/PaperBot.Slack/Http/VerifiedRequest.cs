using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Slack.Configuration;
using PaperBot.Core.Http;

namespace PaperBot.Slack.Http;

/// <summary>Reads a request body and checks Slack's signature on it before anything else looks at it.</summary>
internal static class VerifiedRequest
{
    /// <summary>Slack's payloads are small; a block_actions payload carries the clicked message, well under this.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The raw body when the request is genuinely Slack's; otherwise the response is written and null returned.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.HttpEndpointsEnabled)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "a body larger than 1 MiB").ConfigureAwait(false);
            return null;
        }

        var body = await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "a body larger than 1 MiB").ConfigureAwait(false);
            return null;
        }

        var verifier = context.RequestServices.GetRequiredService<SlackSignatureVerifier>();
        var check = verifier.Verify(context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], body);
        if (check != SignatureCheck.Valid)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, check switch
            {
                SignatureCheck.Stale => "its timestamp is more than 5 minutes away (a replay, or this machine's clock is wrong)",
                SignatureCheck.Forged => "its signature does not match Slack:SigningSecret",
                _ => "it is not signed",
            }).ConfigureAwait(false);
            return null;
        }

        return body;
    }


    public static Task RefuseAsync(HttpContext context, int status, string problem)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VerifiedRequest));
        Log.RequestRefused(logger, context.Request.Path.Value ?? "", problem);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
