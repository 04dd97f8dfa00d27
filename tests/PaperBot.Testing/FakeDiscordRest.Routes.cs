using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PaperBot.Testing;

public sealed partial class FakeDiscordRest
{
    private const string Unauthorized = "{\"message\":\"401: Unauthorized\",\"code\":0}";
    private const string NotFound = "{\"message\":\"404: Not Found\",\"code\":0}";

    private long _nextId = 1400000000000000000;

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request).ConfigureAwait(false);
        var path = request.Path.StartsWith("/api/v10/", StringComparison.Ordinal) ? request.Path["/api/v10/".Length..].Split('/') : [];
        var webhook = path is ["webhooks", ..];
        if (_checkToken && !webhook && path.Length > 0 && request.Header("Authorization") != "Bot " + Token)
        {
            await AnswerAsync(context, 401, Unauthorized).ConfigureAwait(false);
            return;
        }

        switch (request.Method, path)
        {
            case ("POST", ["channels", var channel, "messages"]):
                await CreateMessageAsync(context, channel, request).ConfigureAwait(false);
                return;
            case ("PUT", ["channels", var channel, "messages", _, "reactions", _, "@me"]):
                await AddReactionAsync(context, channel).ConfigureAwait(false);
                return;
            case ("PATCH", ["webhooks", ApplicationId, _, "messages", "@original"]):
            case ("POST", ["webhooks", ApplicationId, _]):
                await AnswerAsync(context, 200, new JsonObject { ["id"] = NextId() }.ToJsonString()).ConfigureAwait(false);
                return;
            case ("DELETE", ["webhooks", ApplicationId, _, "messages", "@original"]):
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case ("PUT", ["applications", ApplicationId, "commands"]):
            case ("PUT", ["applications", ApplicationId, "guilds", _, "commands"]):
                await AnswerAsync(context, 200, Registered(request)).ConfigureAwait(false);
                return;
            case ("GET", ["gateway", "bot"]) when GatewayBot is { } gatewayBot:
                await AnswerAsync(context, 200, gatewayBot().ToJsonString()).ConfigureAwait(false);
                return;
            default:
                await AnswerAsync(context, 404, NotFound).ConfigureAwait(false);
                return;
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", rawTarget, body, headers, _time.GetUtcNow());
        lock (_gate)
        {
            _requests.Add(recorded);
            Signal();
        }

        return recorded;
    }

    private static Task AnswerAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private string Registered(RecordedRequest request)
    {
        var commands = request.Json!.AsArray();
        foreach (var command in commands)
        {
            command!["id"] = NextId();
            command["application_id"] = ApplicationId;
        }

        return commands.ToJsonString();
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
