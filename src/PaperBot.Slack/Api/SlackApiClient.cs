using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PaperBot.Core.Telemetry;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Configuration;
using PaperBot.Core.Http;

namespace PaperBot.Slack.Api;

/// <summary>
/// Slack's Web API over a typed <see cref="HttpClient"/>. Calls never throw for Slack or network problems: they
/// come back as a <see cref="SlackCallResult"/>. Tokens travel only in the Authorization header, never in a URL.
/// </summary>
internal sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, PaperBotMetrics? metrics = null)
{
    private static readonly SlackJsonContext Json = SlackJsonContext.Default;

    private string BotToken => options.Value.BotToken?.Trim() ?? "";

    public Task<SlackCallResult> PostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken) =>
        CallAsync("chat.postMessage", JsonBody(request, Json.ChatPostMessageRequest), BotToken, cancellationToken);

    public Task<SlackCallResult> AddReactionAsync(ReactionsAddRequest request, CancellationToken cancellationToken) =>
        CallAsync("reactions.add", JsonBody(request, Json.ReactionsAddRequest), BotToken, cancellationToken);

    /// <summary>The channel's most recent messages with their metadata (read methods take form fields, not JSON).</summary>
    public Task<SlackCallResult> HistoryAsync(string channelId, int limit, CancellationToken cancellationToken) =>
        CallAsync("conversations.history", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["channel"] = channelId,
            ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
        }), BotToken, cancellationToken);

    /// <summary>Opens (or finds) the direct message channel between the bot and <paramref name="userId"/>.</summary>
    public Task<SlackCallResult> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("conversations.open", new FormUrlEncodedContent(new Dictionary<string, string> { ["users"] = userId }), BotToken, cancellationToken);

    /// <summary>A user's profile flags (is_admin, is_owner...); needs the users:read scope.</summary>
    public Task<SlackCallResult> UserInfoAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("users.info", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId }), BotToken, cancellationToken);

    /// <summary>A channel's details (creator, is_im); needs channels:read / groups:read / im:read for its kind.</summary>
    public Task<SlackCallResult> ConversationInfoAsync(string channelId, CancellationToken cancellationToken) =>
        CallAsync("conversations.info", new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = channelId }), BotToken, cancellationToken);

    /// <summary>Reserves an upload; Slack rejects a JSON body for this method, so it takes form fields.</summary>
    public Task<SlackCallResult> GetUploadUrlAsync(string fileName, int length, CancellationToken cancellationToken) =>
        CallAsync("files.getUploadURLExternal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["filename"] = fileName,
            ["length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), BotToken, cancellationToken);

    /// <summary>POSTs a file's bytes to the upload URL Slack handed out (no token: the URL is the credential).</summary>
    public async Task<SlackCallResult> UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = body };
        return await SendAsync(request, cancellationToken, expectJson: false).ConfigureAwait(false);
    }

    public Task<SlackCallResult> CompleteUploadAsync(FilesCompleteUploadRequest request, CancellationToken cancellationToken) =>
        CallAsync("files.completeUploadExternal", JsonBody(request, Json.FilesCompleteUploadRequest), BotToken, cancellationToken);

    public Task<SlackCallResult> AuthTestAsync(CancellationToken cancellationToken) =>
        CallAsync("auth.test", null, BotToken, cancellationToken);

    /// <summary>Asks for a fresh single-use Socket Mode URL with the app-level token.</summary>
    public Task<SlackCallResult> OpenConnectionAsync(CancellationToken cancellationToken) =>
        CallAsync("apps.connections.open", null, options.Value.AppToken?.Trim() ?? "", cancellationToken);

    /// <summary>Posts a reply to a command's or click's <c>response_url</c> (no token: the URL is the credential).</summary>
    public async Task<SlackCallResult> RespondAsync(Uri responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = JsonBody(message, Json.SlackMessage) };
        return await SendAsync(request, cancellationToken, expectJson: false).ConfigureAwait(false);
    }

    /// <summary>
    /// A JSON body serialised up front and sent with its Content-Length: cheaper for both ends than the chunked stream
    /// <see cref="JsonContent"/> writes, which a fan-out pays once per post.
    /// </summary>
    private static ByteArrayContent JsonBody<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return body;
    }

    private async Task<SlackCallResult> CallAsync(string method, HttpContent? content, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request, cancellationToken, expectJson: true).ConfigureAwait(false);
    }

    private async Task<SlackCallResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, bool expectJson)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            metrics?.PlatformRequest(SlackPlatform.Name, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var retryAfter = RetryAfterHeader.Wait(response.Headers.RetryAfter?.Delta, response.Headers.RetryAfter?.Date, time);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                metrics?.RateLimitWait(SlackPlatform.Name, MetricLabels.TooManyRequests, retryAfter ?? TimeSpan.FromSeconds(1));
                return new SlackCallResult(null, status, "ratelimited", retryAfter ?? TimeSpan.FromSeconds(1));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new SlackCallResult(null, status, $"HTTP {status} {response.ReasonPhrase}", retryAfter);
            }

            if (!expectJson)
            {
                return new SlackCallResult(new SlackApiResponse { Ok = true }, status, null, null);
            }

            var body = await response.Content.ReadFromJsonAsync(Json.SlackApiResponse, cancellationToken).ConfigureAwait(false);
            return body is null
                ? new SlackCallResult(null, status, "an empty answer", null)
                : new SlackCallResult(body, status, body.Ok ? null : body.Error ?? "unknown_error", retryAfter);
        }
        catch (JsonException)
        {
            return new SlackCallResult(null, null, "an answer that is not Slack's JSON", null);
        }
        catch (HttpRequestException ex)
        {
            metrics?.PlatformRequest(SlackPlatform.Name, MetricLabels.NoAnswer);
            return new SlackCallResult(null, null, $"a network error ({ex.HttpRequestError})", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            metrics?.PlatformRequest(SlackPlatform.Name, MetricLabels.NoAnswer);
            return new SlackCallResult(null, null, "a timeout", null);
        }
    }
}
