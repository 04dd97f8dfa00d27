using Microsoft.Extensions.Time.Testing;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Tests.Rest;

/// <summary>The global limit as an even pace: a short burst after a quiet spell, then one request every 20 ms.</summary>
public sealed class GlobalRateLimitTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.0 / GlobalRateLimit.PerSecond);

    [Fact]
    public async Task Wait_SteadyDemand_BurstThenOneEvery20Milliseconds()
    {
        var time = new FakeTimeProvider();
        var limit = new GlobalRateLimit(time);
        var start = time.GetUtcNow();

        for (var i = 1; i <= GlobalRateLimit.Burst; i++)
        {
            Assert.True(limit.WaitAsync(CancellationToken.None).IsCompleted, $"request {i} of the burst should not wait");
        }

        for (var i = GlobalRateLimit.Burst + 1; i <= GlobalRateLimit.PerSecond; i++)
        {
            var next = limit.WaitAsync(CancellationToken.None);
            time.Advance(Interval - Tick);
            Assert.False(next.IsCompleted, $"request {i} came less than 20 ms after the one before");
            time.Advance(Tick);
            await next.WaitAsync(TimeSpan.FromSeconds(5));
        }

        // Past the burst the pace is exactly 50 a second.
        Assert.Equal(Interval * (GlobalRateLimit.PerSecond - GlobalRateLimit.Burst), time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Block_Global429_HoldsEveryRequestUntilRetryAfterPasses()
    {
        var time = new FakeTimeProvider();
        var limit = new GlobalRateLimit(time);
        limit.Block(TimeSpan.FromSeconds(2));

        var next = limit.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2) - Tick);
        Assert.False(next.IsCompleted);
        time.Advance(Tick);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
