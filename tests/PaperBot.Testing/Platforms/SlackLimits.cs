using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Platforms;

/// <summary>
/// Slack's Web API rate limits as a fake enforces them: chat.postMessage one per second per channel (a token bucket
/// of one, so no bursts), and reactions.add at Tier 3 (50 a minute per workspace, bursts of 50). Refused calls get
/// Slack's 429 with a whole-second Retry-After and are counted against their bucket.
/// </summary>
public sealed class SlackLimits(TimeProvider time)
{
    public const double PostsPerSecondPerChannel = 1;

    public const int ReactionsPerMinute = 50;

    private readonly ConcurrentDictionary<string, TokenBucket> _posts = new(StringComparer.Ordinal);
    private readonly TokenBucket _reactions = new(ReactionsPerMinute, ReactionsPerMinute / 60.0, time);
    private readonly ConcurrentDictionary<string, int> _tooMany = new(StringComparer.Ordinal);

    /// <summary>429s answered so far, per bucket (<c>chat.postMessage:channel</c> or <c>reactions.add</c>).</summary>
    public IReadOnlyDictionary<string, int> TooManyRequests => new Dictionary<string, int>(_tooMany, StringComparer.Ordinal);

    /// <summary>Counts a call; false (with how long to wait) when it exceeds its method's limit.</summary>
    public bool Admit(string method, string? channel, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var (key, bucket) = method switch
        {
            "chat.postMessage" => ("chat.postMessage:" + channel, _posts.GetOrAdd(channel ?? "", _ => new TokenBucket(1, PostsPerSecondPerChannel, time))),
            "reactions.add" => ("reactions.add", _reactions),
            _ => (null, null),
        };
        if (bucket is null || bucket.TryTake(out retryAfter))
        {
            return true;
        }

        _tooMany.AddOrUpdate(key!, 1, (_, n) => n + 1);
        return false;
    }

    /// <summary>Slack's 429: HTTP status, Retry-After in whole seconds, and <c>ratelimited</c> in the body.</summary>
    public static Task TooManyAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
    }
}
