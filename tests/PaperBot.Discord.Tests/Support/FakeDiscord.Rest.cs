using System.Globalization;
using System.Text.Json.Nodes;

namespace PaperBot.Discord.Tests.Support;

internal sealed partial class FakeDiscord
{
    private const string Unauthorized = "{\"message\":\"401: Unauthorized\",\"code\":0}";

    private (int Status, string? Body, Dictionary<string, string>? Headers) Answer(RecordedRequest request, string[] path)
    {
        var botAuthorized = request.Header("Authorization") == "Bot " + Token;
        switch (request.Method, path)
        {
            case ("POST", ["channels", var channel, "messages"]):
                return botAuthorized ? CreateMessage(channel, request) : (401, Unauthorized, null);
            case ("PUT", ["channels", _, "messages", _, "reactions", _, "@me"]):
                return botAuthorized ? (204, null, null) : (401, Unauthorized, null);
            case ("PATCH", ["webhooks", ApplicationId, _, "messages", "@original"]):
                return (200, new JsonObject { ["id"] = NextId() }.ToJsonString(), null);
            case ("DELETE", ["webhooks", ApplicationId, _, "messages", "@original"]):
                return (204, null, null);
            case ("POST", ["webhooks", ApplicationId, _]):
                return (200, new JsonObject { ["id"] = NextId() }.ToJsonString(), null);
            case ("PUT", ["applications", ApplicationId, "commands"]):
            case ("PUT", ["applications", ApplicationId, "guilds", _, "commands"]):
                return botAuthorized ? (200, Registered(request), null) : (401, Unauthorized, null);
            case ("GET", ["gateway", "bot"]):
                return botAuthorized
                    ? (200, GatewayBotBody(), null)
                    : (401, Unauthorized, null);
            default:
                return (404, "{\"message\":\"404: Not Found\",\"code\":0}", null);
        }
    }

    private (int, string?, Dictionary<string, string>?) CreateMessage(string channel, RecordedRequest request)
    {
        if (_channelAnswers.TryGetValue(channel, out var scripted))
        {
            return (scripted.Status, scripted.Body, null);
        }

        if (_tooManyRequests.TryDequeue(out var tooMany))
        {
            var seconds = tooMany.RetryAfter.ToString(CultureInfo.InvariantCulture);
            var body = new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = tooMany.RetryAfter, ["global"] = tooMany.Global };
            return (429, body.ToJsonString(), new() { ["Retry-After"] = seconds, ["X-RateLimit-Scope"] = tooMany.Global ? "global" : "user" });
        }

        var now = _time.GetUtcNow();
        Dictionary<string, string> headers;
        lock (_gate)
        {
            var window = _windows.TryGetValue(channel, out var known) ? known : (Start: now, Count: 0);
            if (now >= window.Start + MessageWindow)
            {
                window = (now, 0);
            }

            var resetAfter = (window.Start + MessageWindow - now).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
            if (window.Count >= MessageLimit)
            {
                Interlocked.Increment(ref _violations);
                var body = new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = double.Parse(resetAfter, CultureInfo.InvariantCulture), ["global"] = false };
                return (429, body.ToJsonString(), new() { ["Retry-After"] = resetAfter, ["X-RateLimit-Scope"] = "user", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = resetAfter });
            }

            _windows[channel] = window = (window.Start, window.Count + 1);
            headers = new()
            {
                ["X-RateLimit-Limit"] = MessageLimit.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = (MessageLimit - window.Count).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset-After"] = resetAfter,
                ["X-RateLimit-Reset"] = (window.Start + MessageWindow).ToUnixTimeMilliseconds() / 1000.0 is var epoch ? epoch.ToString("0.000", CultureInfo.InvariantCulture) : "",
                ["X-RateLimit-Bucket"] = "80c17d2f203122d936070c88c8d10f33",
            };
        }

        var nonce = request.Json?["nonce"]?.GetValue<string>();
        string id;
        lock (_gate)
        {
            var key = channel + "/" + nonce;
            if (nonce is null || !_messagesByNonce.TryGetValue(key, out id!))
            {
                id = NextId();
                if (nonce is not null)
                {
                    _messagesByNonce[key] = id;
                }
            }
        }

        return (200, new JsonObject { ["id"] = id, ["channel_id"] = channel, ["nonce"] = nonce }.ToJsonString(), headers);
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
}
