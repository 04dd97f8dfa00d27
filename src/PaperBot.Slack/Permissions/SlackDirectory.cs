using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Slack.Api;

namespace PaperBot.Slack.Permissions;

/// <summary>
/// users.info and conversations.info for permission checks, each answer cached for <see cref="CacheFor"/>. A 429 holds
/// that method back for its Retry-After; a short hold is waited out (once), a longer one answers with a problem
/// instead of keeping the user waiting.
/// </summary>
internal sealed class SlackDirectory(SlackApiClient api, TimeProvider time, ILogger<SlackDirectory> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>The longest Retry-After waited for inside one command.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, (bool Value, DateTimeOffset Until)> _admins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ChannelFacts Value, DateTimeOffset Until)> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    /// <summary>Whether the user is a workspace admin or owner (users.info).</summary>
    public Task<Looked<bool>> IsAdminAsync(string userId, CancellationToken cancellationToken) =>
        LookUpAsync("users.info", userId, _admins, ct => api.UserInfoAsync(userId, ct), response => IsAdmin(response.User), null, cancellationToken);

    /// <summary>The channel's creator and kind (conversations.info); a channel Slack does not show PaperBot has no creator.</summary>
    public Task<Looked<ChannelFacts>> ChannelAsync(string channelId, CancellationToken cancellationToken) =>
        LookUpAsync("conversations.info", channelId, _channels, ct => api.ConversationInfoAsync(channelId, ct), response => FactsOf(response.Channel),
            error => error == "channel_not_found" ? Looked<ChannelFacts>.Of(new ChannelFacts(null, false)) : null, cancellationToken);

    private async Task<Looked<T>> LookUpAsync<T>(
        string method,
        string key,
        ConcurrentDictionary<string, (T Value, DateTimeOffset Until)> cache,
        Func<CancellationToken, Task<SlackCallResult>> call,
        Func<SlackApiResponse, T> read,
        Func<string, Looked<T>?>? answerFor,
        CancellationToken cancellationToken) where T : notnull
    {
        if (cache.TryGetValue(key, out var hit) && hit.Until > time.GetUtcNow())
        {
            return Looked<T>.Of(hit.Value);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var hold = (_blockedUntil.TryGetValue(method, out var until) ? until : DateTimeOffset.MinValue) - time.GetUtcNow();
            if (hold > MaxWait)
            {
                return Looked<T>.Failed($"Slack is limiting how often PaperBot may call {method}; please try again in {Math.Ceiling(hold.TotalSeconds):0} seconds.");
            }

            if (hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, time, cancellationToken).ConfigureAwait(false);
            }

            var result = await call(cancellationToken).ConfigureAwait(false);
            Looked<T>? known = null;
            if (result.Ok)
            {
                known = Looked<T>.Of(read(result.Response!));
            }
            else if (result.IsSlackError && answerFor is not null)
            {
                known = answerFor(result.Error!);
            }

            if (known is { Problem: null, Value: not null })
            {
                Remember(cache, key, known.Value);
                return known;
            }

            if (!result.RateLimited)
            {
                return Looked<T>.Failed(Describe(method, result));
            }

            var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
            _blockedUntil[method] = time.GetUtcNow() + retryAfter;
            Log.LookupRateLimited(logger, method, retryAfter);
        }

        return Looked<T>.Failed($"Slack is limiting how often PaperBot may call {method}; please try again in a minute.");
    }

    private void Remember<T>(ConcurrentDictionary<string, (T Value, DateTimeOffset Until)> cache, string key, T value)
    {
        var now = time.GetUtcNow();
        if (cache.Count > PruneAbove)
        {
            foreach (var stale in cache.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                cache.TryRemove(stale, out _);
            }
        }

        cache[key] = (value, now + CacheFor);
    }

    private string Describe(string method, SlackCallResult result)
    {
        if (result.Error == "missing_scope")
        {
            var scope = result.Response?.Needed ?? (method == "users.info" ? "users:read" : "channels:read");
            Log.LookupScopeMissing(logger, method, scope);
            return $"PaperBot's Slack app lacks the {scope} scope it needs to check who manages this channel. " +
                "Ask the bot's operator to add it (OAuth & Permissions > Bot Token Scopes) and reinstall the app.";
        }

        Log.LookupFailed(logger, method, result.Error ?? "no answer");
        return $"PaperBot could not check with Slack who manages this channel ({method}: {result.Error}); please try again in a moment.";
    }

    private static bool IsAdmin(JsonElement? user) =>
        user is { ValueKind: JsonValueKind.Object } u
        && (Flag(u, "is_admin") || Flag(u, "is_owner") || Flag(u, "is_primary_owner"));

    private static ChannelFacts FactsOf(JsonElement? channel) =>
        channel is { ValueKind: JsonValueKind.Object } c
            ? new ChannelFacts(c.TryGetProperty("creator", out var creator) && creator.ValueKind == JsonValueKind.String ? creator.GetString() : null, Flag(c, "is_im"))
            : new ChannelFacts(null, false);

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
