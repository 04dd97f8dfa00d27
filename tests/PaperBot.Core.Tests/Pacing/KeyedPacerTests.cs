using PaperBot.Core.Pacing;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Pacing;

/// <summary>The one limiter as each platform uses it: Discord's global pace and buckets, Slack's channels and reactions.</summary>
public sealed class KeyedPacerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly RateRule Global = RateRule.PerSecond(50, burst: 10);
    private static readonly RateRule SlackChannel = new(TimeSpan.FromSeconds(1));
    private static readonly RateRule SlackReactions = new(TimeSpan.FromMinutes(1) / 50, Burst: 20);

    private readonly SignalingTimeProvider _time = new();

    [Fact]
    public async Task TakeAsync_SteadyDemand_BurstThenOneEveryInterval()
    {
        var pacer = new KeyedPacer(Global, _time);
        var start = _time.GetUtcNow();
        for (var i = 1; i <= Global.Burst; i++)
        {
            Assert.True(pacer.TakeAsync("g", CancellationToken.None).IsCompleted, $"request {i} of the burst should not wait");
        }

        for (var i = Global.Burst + 1; i <= 50; i++)
        {
            var next = pacer.TakeAsync("g", CancellationToken.None);
            _time.Advance(Global.Interval - Tick);
            Assert.False(next.IsCompleted, $"request {i} came less than one interval after the one before");
            _time.Advance(Tick);
            await next.WaitAsync(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(Global.Interval * (50 - Global.Burst), _time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Hold_429_HoldsTheKeyUntilRetryAfterPasses_OtherKeysGoOn()
    {
        var pacer = new KeyedPacer(Global, _time);
        pacer.Hold("g", TimeSpan.FromSeconds(2));

        var next = pacer.TakeAsync("g", CancellationToken.None);
        Assert.Null(pacer.TryTake("other"));
        _time.Advance(TimeSpan.FromSeconds(2) - Tick);
        Assert.False(next.IsCompleted);
        _time.Advance(Tick);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TakeSpare_AfterABurst_WaitsUntilOneIntervalAheadAndLeavesTheBurstToOrdinaryRequests()
    {
        var pacer = new KeyedPacer(Global, _time);
        for (var i = 0; i < Global.Burst; i++)
        {
            await pacer.TakeAsync("g", CancellationToken.None);
        }

        var spare = pacer.TakeSpareAsync("g", CancellationToken.None);
        _time.Advance((Global.Interval * (Global.Burst - 1)) - Tick);
        Assert.False(spare.IsCompleted);
        _time.Advance(Tick);
        await spare.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(pacer.TakeAsync("g", CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task TakeSpare_OrdinaryRequestsKeepWaiting_NoSpareGoesUntilTheyStop()
    {
        var pacer = new KeyedPacer(Global, _time);
        var waiting = Enumerable.Range(0, 3).Select(_ => pacer.TakeAsync("g", CancellationToken.None)).ToList();
        var spares = Enumerable.Range(0, 5).Select(_ => pacer.TakeSpareAsync("g", CancellationToken.None)).ToList();

        for (var granted = 0; granted < 100;)
        {
            _time.Advance(Tick);
            foreach (var done in waiting.Where(t => t.IsCompleted).ToList())
            {
                await done;
                waiting[waiting.IndexOf(done)] = pacer.TakeAsync("g", CancellationToken.None);
                granted++;
            }

            Assert.All(spares, s => Assert.False(s.IsCompleted, "a spare request went while ordinary ones were waiting"));
        }

        var all = Task.WhenAll(waiting.Concat(spares));
        while (!all.IsCompleted)
        {
            _time.Advance(Tick);
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(1)));
        }

        await all;
    }

    [Fact]
    public void Reserve_SlackChannels_OneSecondApartPerChannel_OthersIndependent()
    {
        var pacer = new KeyedPacer(SlackChannel, _time);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C2"));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
    }

    [Fact]
    public void HoldAll_429_HoldsEveryKeyUntilItPasses()
    {
        var pacer = new KeyedPacer(SlackChannel, _time);
        pacer.HoldAll(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve("C2"));
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C3"));
    }

    [Fact]
    public async Task Restart_SlowAnswer_CountsTheIntervalFromTheAnswer_WaitUntilFreeTakesNothing()
    {
        var pacer = new KeyedPacer(SlackChannel, _time);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
        _time.Advance(TimeSpan.FromMilliseconds(300));
        pacer.Restart("C1");

        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Delay("C1"));
        Assert.Equal(TimeSpan.Zero, pacer.Delay("C2"));
        var free = pacer.WaitUntilFreeAsync("C1", CancellationToken.None).AsTask();
        Assert.False(free.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await free.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
    }

    [Fact]
    public void TryTake_SlackReactions_SpendsTheBurstThenRefillsAtTheRate()
    {
        var pacer = new KeyedPacer(SlackReactions, _time);

        Assert.Equal(SlackReactions.Burst, Enumerable.Range(0, 100).Count(_ => pacer.TryTake("r") is null));
        _time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.NotNull(pacer.TryTake("r"));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(pacer.TryTake("r"));
        Assert.NotNull(pacer.TryTake("r"));
    }

    [Fact]
    public void HoldThenRestart_SlackReactions_NothingUntilRetryAfterPasses()
    {
        var pacer = new KeyedPacer(SlackReactions, _time);
        pacer.Hold("r", TimeSpan.FromSeconds(30));
        pacer.Restart("r");

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.NotNull(pacer.TryTake("r"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(pacer.TryTake("r"));
    }

    [Fact]
    public async Task Announce_WindowSpent_WaitsForItsReset_SharedKeysWaitTogether()
    {
        var pacer = new KeyedPacer(RateRule.Unpaced, _time);
        pacer.Share("POST channels/1/messages", "bucket:channels/1");
        pacer.Share("PUT channels/1/reactions", "bucket:channels/1");
        pacer.Announce("PUT channels/1/reactions", remaining: 2, _time.GetUtcNow() + TimeSpan.FromSeconds(4));

        Assert.Null(pacer.TryTake("POST channels/1/messages"));
        Assert.Null(pacer.TryTake("PUT channels/1/reactions"));
        var third = pacer.TakeAsync("POST channels/1/messages", CancellationToken.None);
        Assert.Null(pacer.TryTake("POST channels/2/messages"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(4));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
