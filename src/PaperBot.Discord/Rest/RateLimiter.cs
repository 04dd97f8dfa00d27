using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using PaperBot.Core.Telemetry;

namespace PaperBot.Discord.Rest;

/// <summary>
/// Discord's rate limits as the response headers describe them: one bucket per route (routes Discord puts in
/// the same bucket share it), requests of one route one at a time, a global cap of 50 a second, and a 429's
/// retry_after waited out exactly. Never sends into a bucket it knows is exhausted.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, PaperBotMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _routeLocks = new();
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new();
    private readonly GlobalRateLimit _global = new(time);

    /// <summary>Waits until a request of <paramref name="route"/> may be sent; dispose the result once its response is recorded.</summary>
    public async Task<IDisposable> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        var gate = _routeLocks.GetOrAdd(route.LimitKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForBucketAsync(route.LimitKey, take: true, cancellationToken).ConfigureAwait(false);
            if (route.GlobalLimited)
            {
                await (route.Spare ? _global.WaitForSpareAsync(cancellationToken) : _global.WaitAsync(cancellationToken)).ConfigureAwait(false);
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
    public Task WaitUntilOpenAsync(RestRoute route, CancellationToken cancellationToken) =>
        WaitForBucketAsync(route.LimitKey, take: false, cancellationToken);

    /// <summary>Records the bucket headers of a response.</summary>
    public void Update(RestRoute route, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } bucket)
        {
            _bucketOfRoute[route.LimitKey] = bucket + ":" + route.Resource;
        }

        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (remaining is null || !int.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var left))
        {
            return;
        }

        var state = StateOf(route.LimitKey);
        lock (state)
        {
            Record(state, headers, left, resetAfter);
        }
    }

    private void Record(BucketState state, HttpResponseHeaders headers, int left, string? resetAfter)
    {
        state.Remaining = left;
        if (resetAfter is not null && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            state.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }
        else if (Header(headers, "X-RateLimit-Reset") is { } reset && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            state.ResetAt = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(epoch);
        }
    }

    /// <summary>A 429: nothing more goes to that route (or anywhere, when global) for exactly <paramref name="retryAfter"/>.</summary>
    public void OnTooManyRequests(RestRoute route, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            _global.Block(retryAfter);
            return;
        }

        var state = StateOf(route.LimitKey);
        lock (state)
        {
            state.BlockedUntil = until;
        }
    }

    private BucketState StateOf(string limitKey) =>
        _buckets.GetOrAdd(_bucketOfRoute.TryGetValue(limitKey, out var bucket) ? bucket : limitKey, _ => new BucketState());

    private async Task WaitForBucketAsync(string limitKey, bool take, CancellationToken cancellationToken)
    {
        var state = StateOf(limitKey);
        while (true)
        {
            TimeSpan wait;
            lock (state)
            {
                var now = time.GetUtcNow();
                if (state.BlockedUntil > now)
                {
                    wait = state.BlockedUntil - now;
                }
                else if (state.Remaining <= 0 && state.ResetAt > now)
                {
                    wait = state.ResetAt - now;
                }
                else
                {
                    if (take)
                    {
                        // A bucket past its reset has refilled; the next response tells the real count.
                        state.Remaining = Math.Max(state.Remaining, 1) - 1;
                    }

                    return;
                }
            }

            metrics?.RateLimitWait(DiscordPlatform, MetricLabels.Pacing, wait);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private const string DiscordPlatform = "discord";

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
