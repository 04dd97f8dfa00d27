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

    [Fact]
    public async Task WaitForSpare_AfterABurst_WaitsUntilThePaceIsCaughtUpAndLeavesTheBurstToOrdinaryRequests()
    {
        var time = new FakeTimeProvider();
        var limit = new GlobalRateLimit(time);
        for (var i = 0; i < GlobalRateLimit.Burst; i++)
        {
            await limit.WaitAsync(CancellationToken.None);
        }

        // The burst ran 10 intervals ahead of the pace: a spare request waits until it is at most one ahead.
        var spare = limit.WaitForSpareAsync(CancellationToken.None);
        time.Advance((Interval * (GlobalRateLimit.Burst - 1)) - Tick);
        Assert.False(spare.IsCompleted);
        time.Advance(Tick);
        await spare.WaitAsync(TimeSpan.FromSeconds(5));

        // It took one on-pace turn only: an ordinary request still has the burst at once.
        Assert.True(limit.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task WaitForSpare_OrdinaryRequestsKeepWaiting_NoSpareGoesUntilTheyStop()
    {
        var time = new FakeTimeProvider();
        var limit = new GlobalRateLimit(time);
        var waiting = Enumerable.Range(0, 3).Select(_ => limit.WaitAsync(CancellationToken.None)).ToList();
        var spares = Enumerable.Range(0, 5).Select(_ => limit.WaitForSpareAsync(CancellationToken.None)).ToList();

        // Three ordinary requests are always waiting (one let through is replaced at once), like a fan-out's posts.
        var granted = 0;
        while (granted < 100)
        {
            time.Advance(Tick);
            foreach (var done in waiting.Where(t => t.IsCompleted).ToList())
            {
                await done;
                waiting[waiting.IndexOf(done)] = limit.WaitAsync(CancellationToken.None);
                granted++;
            }

            Assert.All(spares, s => Assert.False(s.IsCompleted, "a spare request went while ordinary ones were waiting"));
        }

        // Demand stops: the ordinary requests still waiting go first, then every spare one.
        var all = Task.WhenAll(waiting.Concat(spares));
        while (!all.IsCompleted)
        {
            time.Advance(Tick);
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(1)));
        }

        await all;
    }
}
