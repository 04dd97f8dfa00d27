using Microsoft.AspNetCore.Antiforgery;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Replicas;
using PaperBot.Core.Storage;
using PaperBot.Workers;

namespace PaperBot.Admin;

/// <summary>
/// <c>GET /admin</c> and its POST actions (sign in and out, poll now, resume a channel, retry a delivery). Every POST
/// carries an anti-forgery token unless it is authorised by a Bearer header (which a browser never adds by itself);
/// each action answers with a redirect back to the page (303), which then says what was done.
/// </summary>
internal static partial class AdminEndpoints
{
    public static readonly TimeSpan PollWait = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["polled"] = "Polled the listing; its outcome is below.",
        ["not-leader"] = "This replica does not poll the listing: the one marked as polling under Replicas does. Press Poll now on its page.",
        ["poll-running"] = "The poll is taking long; it goes on, and its outcome shows here when it is done.",
        ["resumed"] = "Resumed: the channel gets new papers again.",
        ["not-paused"] = "That channel is not paused; nothing changed.",
        ["retried"] = "The delivery is back in the outbox and is being sent.",
        ["not-failed"] = "That delivery is not a failed one; nothing changed.",
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");
        admin.MapGet("", PageAsync);
        admin.MapPost("/signin", SignInAsync);
        admin.MapPost("/signout", SignOutAsync);
        admin.MapPost("/poll", context => ActAsync(context, PollAsync));
        admin.MapPost("/resume", context => ActAsync(context, ResumeAsync));
        admin.MapPost("/retry", context => ActAsync(context, RetryAsync));
    }

    private static async Task PageAsync(HttpContext context)
    {
        var access = context.RequestServices.GetRequiredService<AdminAccess>().Check(context);
        if (!await AdmitAsync(context, access))
        {
            return;
        }

        var tokens = Antiforgery(context).GetAndStoreTokens(context);
        var snapshot = context.RequestServices.GetRequiredService<AdminReport>().Read();
        var notice = Notices.GetValueOrDefault(context.Request.Query["done"].ToString());
        await WriteAsync(context, StatusCodes.Status200OK, AdminPage.Render(snapshot, tokens, notice, access == AdminAccessResult.Cookie));
    }

    private static async Task SignInAsync(HttpContext context)
    {
        var access = context.RequestServices.GetRequiredService<AdminAccess>();
        if (!await ValidAntiforgeryAsync(context))
        {
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!access.IsToken(form["token"].ToString()))
        {
            LogSignInRefused(Logger(context), context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            await WriteAsync(context, StatusCodes.Status401Unauthorized, AdminPage.SignIn(Antiforgery(context).GetAndStoreTokens(context), wrongToken: true));
            return;
        }

        access.SignIn(context);
        SeeOther(context, null);
    }

    private static async Task SignOutAsync(HttpContext context)
    {
        if (await ValidAntiforgeryAsync(context))
        {
            AdminAccess.SignOut(context);
            SeeOther(context, null);
        }
    }

    private static async Task ActAsync(HttpContext context, Func<IFormCollection, IServiceProvider, Task<string?>> act)
    {
        var access = context.RequestServices.GetRequiredService<AdminAccess>().Check(context);
        if (!await AdmitAsync(context, access) || (access != AdminAccessResult.Bearer && !await ValidAntiforgeryAsync(context)))
        {
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        SeeOther(context, await act(form, context.RequestServices));
    }

    private static async Task<string?> PollAsync(IFormCollection form, IServiceProvider services)
    {
        if (!services.GetRequiredService<Leadership>().Leads)
        {
            return "not-leader";
        }

        try
        {
            await services.GetRequiredService<PollRequests>().RequestAsync().WaitAsync(PollWait);
            return "polled";
        }
        catch (TimeoutException)
        {
            return "poll-running";
        }
    }

    private static Task<string?> ResumeAsync(IFormCollection form, IServiceProvider services)
    {
        var key = form["channel"].ToString();
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var channels = services.GetRequiredService<IChannelStore>();
        if (colon <= 0 || channels.FindChannel(new ChannelRef(key[..colon], key[(colon + 1)..])) is not { IsPaused: true } channel)
        {
            return Task.FromResult<string?>("not-paused");
        }

        channels.SetPaused(channel.Channel, null, services.GetRequiredService<TimeProvider>().GetUtcNow());
        services.GetRequiredService<DeliverySignal>().Request();
        LogResumed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints)), channel.Channel.Key);
        return Task.FromResult<string?>("resumed");
    }

    private static Task<string?> RetryAsync(IFormCollection form, IServiceProvider services)
    {
        var id = form["delivery"].ToString();
        if (id.Length == 0 || !services.GetRequiredService<IOperatorStore>().RetryFailed(id))
        {
            return Task.FromResult<string?>("not-failed");
        }

        services.GetRequiredService<DeliverySignal>().Request();
        LogRetried(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints)), id);
        return Task.FromResult<string?>("retried");
    }
}
