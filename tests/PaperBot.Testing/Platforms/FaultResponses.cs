using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Platforms;

/// <summary>How the fakes act out a <see cref="Fault"/> that stops a request before it is carried out.</summary>
public static class FaultResponses
{
    /// <summary>Writes or aborts for <paramref name="fault"/>; false when the request should go ahead (no fault, or <see cref="Fault.AnswerLost"/>).</summary>
    public static async Task<bool> TryActOutAsync(HttpContext context, Fault? fault, Func<HttpContext, TimeSpan, Task> tooManyRequests, TimeSpan retryAfter)
    {
        switch (fault)
        {
            case Fault.ServerError:
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>").ConfigureAwait(false);
                return true;
            case Fault.ConnectionReset:
                context.Abort();
                return true;
            case Fault.TooManyRequests:
                await tooManyRequests(context, retryAfter).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>After the request was carried out: drops the answer when the fault says so.</summary>
    public static bool LoseAnswer(HttpContext context, Fault? fault)
    {
        if (fault != Fault.AnswerLost)
        {
            return false;
        }

        context.Abort();
        return true;
    }
}
