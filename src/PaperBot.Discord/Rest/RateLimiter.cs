using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using PaperBot.Core.Pacing;
using PaperBot.Core.Telemetry;

namespace PaperBot.Discord.Rest;

/// <summary>
/// Discord's rate limits as the response headers describe them, kept by the one <see cref="KeyedPacer"/>: one bucket
/// per route (routes Discord puts in the same bucket share it), requests of one route one at a time, and a 429's
/// retry_after waited out exactly. The bot-wide limit of 50 requests a second belongs to the token, not to this
/// process, so it is taken from the <see cref="IRateBudget"/> every replica shares (in memory for one process): an
/// even pace of one request every 20 ms with bursts of <see cref="GlobalBurst"/>, since a burst of 50 racing Discord's
/// window is what trips global 429s. Save-hint reactions use only its spare capacity (<see cref="RestRoute.Spare"/>).
/// </summary>
internal sealed class RateLimiter(TimeProvider time, IRateBudget? global = null, PaperBotMetrics? metrics = null)
{
    public const int GlobalPerSecond = 50;

    /// <summary>Requests that may go at once after a quiet spell (well under Discord's 50, so the pace has margin).</summary>
    public const int GlobalBurst = 10;

    /// <summary>The name of Discord's global limit in the shared <see cref="IRateBudget"/>.</summary>
    public const string GlobalBudget = "discord:global";

    public static readonly RateRule Global = RateRule.PerSecond(GlobalPerSecond, GlobalBurst);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _routeLocks = new();
    private readonly KeyedPacer _buckets = new(RateRule.Unpaced, time, wait => metrics?.RateLimitWait(DiscordRoutes.Platform, MetricLabels.Pacing, wait));
    private readonly IRateBudget _global = global ?? new InProcessRateBudget(time);

    /// <summary>Waits until a request of <paramref name="route"/> may be sent; dispose the result once its response is recorded.</summary>
    public async Task<IDisposable> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        var gate = _routeLocks.GetOrAdd(route.LimitKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _buckets.TakeAsync(route.LimitKey, cancellationToken).ConfigureAwait(false);
            if (route.GlobalLimited)
            {
                await _global.TakeAsync(GlobalBudget, Global, route.Spare, cancellationToken).ConfigureAwait(false);
            }

            return new Release(gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Completes when <paramref name="route"/>'s bucket has room, without taking it or waiting for the global limit.</summary>
    public ValueTask WaitUntilOpenAsync(RestRoute route, CancellationToken cancellationToken) =>
        _buckets.WaitUntilFreeAsync(route.LimitKey, cancellationToken);

    /// <summary>Records the bucket headers of a response.</summary>
    public void Update(RestRoute route, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } bucket)
        {
            _buckets.Share(route.LimitKey, bucket + ":" + route.Resource);
        }

        if (Header(headers, "X-RateLimit-Remaining") is { } remaining
            && int.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var left))
        {
            _buckets.Announce(route.LimitKey, left, ResetAt(headers));
        }
    }

    /// <summary>A 429: nothing more goes to that route (or anywhere, when global) for exactly <paramref name="retryAfter"/>.</summary>
    public void OnTooManyRequests(RestRoute route, TimeSpan retryAfter, bool global)
    {
        if (global)
        {
            _global.Hold(GlobalBudget, retryAfter);
        }
        else
        {
            _buckets.Hold(route.LimitKey, retryAfter);
        }
    }

    private DateTimeOffset? ResetAt(HttpResponseHeaders headers)
    {
        if (Seconds(headers, "X-RateLimit-Reset-After") is { } after)
        {
            return time.GetUtcNow() + TimeSpan.FromSeconds(after);
        }

        return Seconds(headers, "X-RateLimit-Reset") is { } epoch ? DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(epoch) : null;
    }

    private static double? Seconds(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
