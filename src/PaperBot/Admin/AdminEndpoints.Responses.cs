using Microsoft.AspNetCore.Antiforgery;

namespace PaperBot.Admin;

internal static partial class AdminEndpoints
{
    /// <summary>False (with the answer written) unless the request may see the page.</summary>
    private static async Task<bool> AdmitAsync(HttpContext context, AdminAccessResult access)
    {
        switch (access)
        {
            case AdminAccessResult.Loopback or AdminAccessResult.Bearer or AdminAccessResult.Cookie:
                return true;
            case AdminAccessResult.LoopbackOnly:
                await WriteAsync(context, StatusCodes.Status403Forbidden, AdminPage.LoopbackOnly());
                return false;
            case AdminAccessResult.BadBearer:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteAsync(context, StatusCodes.Status401Unauthorized, Html.Page("PaperBot · refused", "<p>The Bearer token is not the operator token (Admin:Token).</p>"));
                return false;
            default:
                await WriteAsync(context, StatusCodes.Status401Unauthorized, AdminPage.SignIn(Antiforgery(context).GetAndStoreTokens(context), wrongToken: false));
                return false;
        }
    }

    private static async Task<bool> ValidAntiforgeryAsync(HttpContext context)
    {
        try
        {
            await Antiforgery(context).ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, Html.Page("PaperBot · form expired",
                "<p>This form has expired (PaperBot restarted, or the page is old). <a href=\"/admin\">Reload the page</a> and try again.</p>"));
            return false;
        }
    }

    private static IAntiforgery Antiforgery(HttpContext context) => context.RequestServices.GetRequiredService<IAntiforgery>();

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints));

    private static void SeeOther(HttpContext context, string? notice)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = notice is null ? "/admin" : $"/admin?done={notice}";
    }

    private static Task WriteAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    [LoggerMessage(1, LogLevel.Warning, "Refused an operator sign-in from {Address}: not the operator token")]
    private static partial void LogSignInRefused(ILogger logger, string address);

    [LoggerMessage(2, LogLevel.Information, "Channel {Channel} resumed from the operator page")]
    private static partial void LogResumed(ILogger logger, string channel);

    [LoggerMessage(3, LogLevel.Information, "Delivery {DeliveryId} put back in the outbox from the operator page")]
    private static partial void LogRetried(ILogger logger, string deliveryId);
}
