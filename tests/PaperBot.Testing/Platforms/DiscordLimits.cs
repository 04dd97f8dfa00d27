using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Platforms;

/// <summary>
/// Discord's REST rate limits as a fake enforces them: a global token bucket (50 requests a second, bursts of 50)
/// and one fixed-window bucket per route and channel (create message: 5 per 5 s; add reaction: 1 per 0.25 s),
/// announced in <c>X-RateLimit-*</c> headers on every answer and enforced with Discord's 429 body. Every 429 is
/// counted against the bucket that gave it.
/// </summary>
public sealed class DiscordLimits(TimeProvider time)
{
    public const int GlobalPerSecond = 50;

    public static readonly (int Limit, TimeSpan Window) Messages = (5, TimeSpan.FromSeconds(5));

    public static readonly (int Limit, TimeSpan Window) Reactions = (1, TimeSpan.FromMilliseconds(250));

    private readonly TokenBucket _global = new(GlobalPerSecond, GlobalPerSecond, time);
    private readonly ConcurrentDictionary<string, FixedWindow> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _tooMany = new(StringComparer.Ordinal);

    /// <summary>429s answered so far, per bucket (<c>global</c>, or route:channel).</summary>
    public IReadOnlyDictionary<string, int> TooManyRequests => new Dictionary<string, int>(_tooMany, StringComparer.Ordinal);

    /// <summary>
    /// Counts a request of <paramref name="route"/> (<c>messages</c> or <c>reactions</c>) in <paramref name="channelId"/>:
    /// writes the bucket headers, and returns false after writing a 429 answer when a limit is exceeded.
    /// </summary>
    public async Task<bool> AdmitAsync(HttpContext context, string route, string channelId)
    {
        if (!_global.TryTake(out var globalWait))
        {
            _tooMany.AddOrUpdate("global", 1, (_, n) => n + 1);
            context.Response.Headers["X-RateLimit-Global"] = "true";
            await TooManyAsync(context, globalWait, "global").ConfigureAwait(false);
            return false;
        }

        var (limit, window) = route == "reactions" ? Reactions : Messages;
        var key = route + ":" + channelId;
        var bucket = _routes.GetOrAdd(key, _ => new FixedWindow(limit, window, time));
        var (allowed, remaining, resetAfter) = bucket.Take();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = Seconds(resetAfter);
        headers["X-RateLimit-Reset"] = Seconds(time.GetUtcNow() + resetAfter - DateTimeOffset.UnixEpoch);
        headers["X-RateLimit-Bucket"] = route == "reactions" ? "b7f3reactions" : "a1c9messages";
        if (allowed)
        {
            return true;
        }

        _tooMany.AddOrUpdate(key, 1, (_, n) => n + 1);
        await TooManyAsync(context, resetAfter, "user").ConfigureAwait(false);
        return false;
    }

    /// <summary>Discord's 429: JSON body with retry_after in seconds, and the same in Retry-After.</summary>
    public static Task TooManyAsync(HttpContext context, TimeSpan retryAfter, string scope)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Seconds(retryAfter);
        context.Response.Headers["X-RateLimit-Scope"] = scope;
        return context.Response.WriteAsJsonAsync(new
        {
            message = "You are being rate limited.",
            retry_after = Math.Round(retryAfter.TotalSeconds, 3),
            global = scope == "global",
        });
    }

    private static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
}
