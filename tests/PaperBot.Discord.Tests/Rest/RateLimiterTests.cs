using PaperBot.Testing;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Rest;

public sealed class RateLimiterTests
{
    private readonly SignalingTimeProvider _time = new();

    [Fact]
    public async Task Acquire_OtherRouteExhaustedSameBucketSameChannel_Waits()
    {
        var limiter = new RateLimiter(_time);
        var create = DiscordRoutes.CreateMessage("1001");
        var react = DiscordRoutes.AddOwnReaction("1001", "2002", "🔖");
        limiter.Update(create, Headers("shared", remaining: 3, resetAfter: 4));
        limiter.Update(react, Headers("shared", remaining: 0, resetAfter: 4));

        var acquire = limiter.AcquireAsync(create, CancellationToken.None);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(4));

        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(4));
        (await acquire.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Acquire_SameBucketOtherChannel_DoesNotWait()
    {
        var limiter = new RateLimiter(_time);
        limiter.Update(DiscordRoutes.CreateMessage("1001"), Headers("shared", remaining: 0, resetAfter: 4));
        limiter.Update(DiscordRoutes.CreateMessage("1002"), Headers("shared", remaining: 5, resetAfter: 4));

        using var turn = await limiter.AcquireAsync(DiscordRoutes.CreateMessage("1002"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Acquire_RemainingCountsDownBeforeResponses_ThenWaitsForReset()
    {
        var limiter = new RateLimiter(_time);
        var route = DiscordRoutes.CreateMessage("1001");
        limiter.Update(route, Headers("b", remaining: 2, resetAfter: 1.5));

        (await limiter.AcquireAsync(route, CancellationToken.None)).Dispose();
        (await limiter.AcquireAsync(route, CancellationToken.None)).Dispose();
        var third = limiter.AcquireAsync(route, CancellationToken.None);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1.5));

        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(string bucket, int remaining, double resetAfter)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Bucket", bucket);
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.Headers;
    }
}
