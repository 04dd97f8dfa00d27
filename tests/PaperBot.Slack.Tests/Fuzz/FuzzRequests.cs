using System.Globalization;
using System.Net;
using System.Text.Json;
using PaperBot.Slack.Http;
using PaperBot.Slack.Tests.Support;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>Turns a fuzz case into the HTTP request Slack (or a forger) would send, and judges the answer.</summary>
internal static class FuzzRequests
{
    public static HttpRequestMessage Build(FuzzCase fuzz, string baseUrl, DateTimeOffset now)
    {
        var signedAt = fuzz.Auth switch
        {
            FuzzAuth.StaleTimestamp => now.AddMinutes(-6),
            FuzzAuth.FutureTimestamp => now.AddMinutes(5).AddSeconds(2),
            _ => now,
        };
        var stamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = fuzz.Body;
        var signature = SlackSignatureVerifier.Sign(fuzz.Auth == FuzzAuth.ForgedSecret ? "not-the-signing-secret" : SlackBotHost.SigningSecret, stamp, body);
        if (fuzz.Auth == FuzzAuth.TamperedBody)
        {
            body = [.. body, (byte)'&'];
        }

        if (fuzz.Auth == FuzzAuth.GarbledSignature)
        {
            (stamp, signature) = (fuzz.Index % 4) switch
            {
                0 => (stamp, signature[..^1]),
                1 => (stamp, "v1=" + signature[3..]),
                2 => (stamp + "x", signature),
                _ => (stamp, signature.ToUpperInvariant()),
            };
        }

        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + fuzz.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        if (fuzz.Auth != FuzzAuth.Unsigned)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", stamp);
            request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
        }

        return request;
    }

    /// <summary>
    /// Null when the answer is what the endpoints document: 413 over the size limit, 401 for anything not signed
    /// with the signing secret, otherwise 400 for a malformed request or 200 (empty, or the JSON reply).
    /// </summary>
    public static string? Problem(FuzzCase fuzz, HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (fuzz.Body.Length > FuzzCorpus.MaxBodyBytes)
        {
            return code == 413 ? null : $"oversized body answered {code}";
        }

        if (fuzz.Auth != FuzzAuth.Signed)
        {
            return code == 401 ? null : $"unsigned or forged request answered {code}";
        }

        return code switch
        {
            400 => null,
            200 => BodyProblem(fuzz.Endpoint, body),
            _ => $"answered {code}: {Shorten(body)}",
        };
    }

    private static string? BodyProblem(FuzzEndpoint endpoint, string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        if (endpoint == FuzzEndpoint.Interactivity)
        {
            return $"a click answered with a body: {Shorten(body)}";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var expected = endpoint == FuzzEndpoint.Events ? "challenge" : "text";
            return root.ValueKind == JsonValueKind.Object && (root.TryGetProperty(expected, out _) || root.TryGetProperty("blocks", out _))
                ? null
                : $"200 without a {expected}: {Shorten(body)}";
        }
        catch (JsonException ex)
        {
            return $"200 with a body that is not JSON ({ex.Message}): {Shorten(body)}";
        }
    }

    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
