using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Telemetry;
using PaperBot.Discord.Json;
using PaperBot.Core.Http;

namespace PaperBot.Discord.Rest;

/// <summary>
/// Discord's REST API (typed client): bot authorization, rate limits obeyed through <see cref="RateLimiter"/>,
/// and 429s waited out exactly as long as Discord says (up to <see cref="MaxWait"/>, then handed back).
/// Network failures surface as <see cref="HttpRequestException"/> for the caller to classify.
/// </summary>
internal sealed class DiscordRestClient(
    HttpClient http, RateLimiter limiter, IOptions<DiscordOptions> options, ILogger<DiscordRestClient> logger, PaperBotMetrics? metrics = null,
    TimeProvider? time = null)
{
    public const int MaxAttempts = 4;

    /// <summary>A longer retry_after is not waited for inside one call: the caller retries later.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public Task<RestResponse> SendAsync(RestRoute route, CancellationToken cancellationToken) => SendContentAsync(route, () => null, cancellationToken);

    public Task<RestResponse> SendAsync<T>(RestRoute route, T body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, type);
        return SendContentAsync(route, () => JsonBody(json), cancellationToken);
    }

    /// <summary>A message with one attached file: <c>payload_json</c> plus <c>files[0]</c>, as Discord takes uploads.</summary>
    public Task<RestResponse> SendWithFileAsync(RestRoute route, MessagePayload payload, string fileName, string mediaType, byte[] file, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJsonContext.Default.MessagePayload);
        return SendContentAsync(route, () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(JsonBody(json), "payload_json");
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            form.Add(part, "files[0]", fileName);
            return form;
        }, cancellationToken);
    }

    private static ByteArrayContent JsonBody(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Sends, waiting out rate limits; <paramref name="content"/> makes a fresh body for each attempt.</summary>
    private async Task<RestResponse> SendContentAsync(RestRoute route, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var turn = await limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(route.Method, route.Path) { Content = content() };

            if (route.UsesBotToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken!.Trim());
            }

            using var response = await SendCountedAsync(request, cancellationToken).ConfigureAwait(false);
            limiter.Update(route, response.Headers);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return new RestResponse(response.StatusCode, body);
            }

            var (retryAfter, global) = RetryAfterOf(response, body);
            limiter.OnTooManyRequests(route, retryAfter, global);
            var giveUp = attempt >= MaxAttempts || retryAfter > MaxWait;
            Log.RateLimited(logger, route.ToString(), retryAfter.TotalSeconds, global, giveUp);
            if (giveUp)
            {
                return new RestResponse(response.StatusCode, body, retryAfter);
            }

            metrics?.RateLimitWait(Platform, MetricLabels.TooManyRequests, retryAfter);
        }
    }

    private const string Platform = "discord";

    private async Task<HttpResponseMessage> SendCountedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics?.PlatformRequest(Platform, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            metrics?.PlatformRequest(Platform, MetricLabels.NoAnswer);
            throw;
        }
    }

    private (TimeSpan RetryAfter, bool Global) RetryAfterOf(HttpResponseMessage response, string body)
    {
        DiscordError? error = null;
        try
        {
            error = body.Length == 0 ? null : JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordError);
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 page is HTML; the Retry-After header still says how long.
        }

        var global = error?.Global == true
            || (response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Contains("true", StringComparer.OrdinalIgnoreCase))
            || (response.Headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Contains("global", StringComparer.OrdinalIgnoreCase));
        if (error?.RetryAfter is { } seconds and >= 0)
        {
            return (TimeSpan.FromSeconds(seconds), global);
        }

        return (RetryAfterHeader.Wait(response.Headers.RetryAfter?.Delta, response.Headers.RetryAfter?.Date, time ?? TimeProvider.System) ?? TimeSpan.FromSeconds(1), global);
    }
}
