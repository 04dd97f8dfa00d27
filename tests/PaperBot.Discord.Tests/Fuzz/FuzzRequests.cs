using System.Globalization;
using System.Net;
using System.Text.Json;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>Turns a fuzz case into the HTTP request Discord (or a forger) would send, and judges the answer.</summary>
internal static class FuzzRequests
{
    private static readonly HashSet<int> CallbackTypes = [1, 4, 5, 6, 7, 8];

    public static HttpRequestMessage Build(FuzzCase fuzz, TestKeys keys, TestKeys forger, DateTimeOffset now)
    {
        var stamp = (fuzz.Auth == FuzzAuth.StaleTimestamp ? now.AddMinutes(-6) : now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = fuzz.Body;
        var signature = (fuzz.Auth == FuzzAuth.ForgedKey ? forger : keys).Sign(stamp, body);
        if (fuzz.Auth == FuzzAuth.TamperedBody)
        {
            body = [.. body, (byte)' '];
        }

        if (fuzz.Auth == FuzzAuth.GarbledSignature)
        {
            signature = (fuzz.Index % 3) switch { 0 => signature[..126], 1 => "zz" + signature[2..], _ => signature.ToUpperInvariant()[..64] + new string('0', 64) };
        }

        var request = new HttpRequestMessage(HttpMethod.Post, InteractionEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (fuzz.Auth != FuzzAuth.Unsigned)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", stamp);
        }

        return request;
    }

    /// <summary>
    /// Null when the answer is what the endpoint documents: 401 for anything not signed by the application,
    /// 413 over the size limit, and otherwise 400 or 200 with an interaction response.
    /// </summary>
    public static string? Problem(FuzzCase fuzz, HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (fuzz.Auth != FuzzAuth.Signed)
        {
            return code == 401 ? null : $"unsigned or forged request answered {code}";
        }

        if (fuzz.Body.Length > InteractionEndpoint.MaxBodyBytes)
        {
            return code == 413 ? null : $"oversized body answered {code}";
        }

        return code switch
        {
            400 => null,
            200 => CallbackTypeProblem(body),
            _ => $"answered {code}: {Shorten(body)}",
        };
    }

    private static string? CallbackTypeProblem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("type", out var type) && type.TryGetInt32(out var n) && CallbackTypes.Contains(n)
                ? null
                : $"200 without an interaction callback type: {Shorten(body)}";
        }
        catch (JsonException ex)
        {
            return $"200 with a body that is not JSON ({ex.Message}): {Shorten(body)}";
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
