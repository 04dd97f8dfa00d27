using PaperBot.Testing;
using PaperBot.Testing.Platforms;
using Xunit.Abstractions;

namespace PaperBot.Discord.Tests.Delivery;

/// <summary>
/// 3 papers fanned out to 20 Discord channels through the real dispatcher and Discord adapter, against a fake
/// Discord that enforces Discord's rate limits and, once the fan-out is under way, fails: 5xx bursts, connection
/// resets, lost answers, 429 storms. When it recovers, every paper has reached every channel exactly once.
/// </summary>
public sealed class FanOutFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Posts the fake has taken before the faults start: the fan-out is under way, far from done.</summary>
    private const int UnderWay = 10;

    private FakeDiscordRest _discord = null!;
    private FanOutBot _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordRest.StartAsync(new DiscordLimits(TimeProvider.System));
        _bot = await FanOutBot.StartAsync(_discord.ApiBaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task FanOut_BurstOf502sMidWay_EachPaperPostedOnceToEachChannel()
    {
        var fanOut = await StartFanOutAsync();

        // Half the requests are save reactions (a failed one is only logged): 20 in a row surely hit creates too.
        _discord.Faults.Burst(Fault.ServerError, 20);
        var rounds = await fanOut;

        output.WriteLine(FanOutAssert.Summary(_bot, _discord, rounds));
        FanOutAssert.EachDeliveredOnce(_bot, _discord.Posts);
        Assert.Equal(20, _discord.Faults.Served(Fault.ServerError));
        Assert.Contains(_bot.Deliveries(), d => d.Attempts > 1 && d.LastError?.Contains("Discord answered 502", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task FanOut_ConnectionResetsAndLostAnswersMidWay_ResendsCarryTheNonceSoNothingPostsTwice()
    {
        var fanOut = await StartFanOutAsync();

        // Half the requests are save reactions; with 20 lost answers some surely fall on creates, whose messages landed.
        for (var i = 0; i < 10; i++)
        {
            _discord.Faults.Burst(Fault.ConnectionReset, 1);
            _discord.Faults.Burst(Fault.AnswerLost, 2);
        }

        var rounds = await fanOut;

        output.WriteLine(FanOutAssert.Summary(_bot, _discord, rounds));
        var posts = _discord.Posts;
        FanOutAssert.EachDeliveredOnce(_bot, posts);
        Assert.Equal(10, _discord.Faults.Served(Fault.ConnectionReset));
        Assert.Equal(20, _discord.Faults.Served(Fault.AnswerLost));

        // A create whose answer was lost had landed: it was resent with its nonce and Discord handed back the message.
        Assert.Contains(posts, p => p.Resend);
        Assert.Contains(FanOutAssert.ResentInDoubt, _bot.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FanOut_StormOf429sMidWay_WaitsItOutAndPostsEachPaperOnceToEachChannel()
    {
        _discord.Faults.RetryAfter = TimeSpan.FromMilliseconds(100);
        var fanOut = await StartFanOutAsync();

        // More 429s in a row than one post's in-call retries absorb: the dispatcher retries too, after retry_after.
        _discord.Faults.Burst(Fault.TooManyRequests, 100);
        var rounds = await fanOut;

        output.WriteLine(FanOutAssert.Summary(_bot, _discord, rounds));
        FanOutAssert.EachDeliveredOnce(_bot, _discord.Posts);
        Assert.Equal(100, _discord.Faults.Served(Fault.TooManyRequests));
        Assert.Contains("Discord rate-limited", _bot.Logs.All, StringComparison.Ordinal);
        Assert.Contains(_bot.Deliveries(), d => d.Attempts > 1 && d.LastError == "Discord rate limit");
    }

    /// <summary>Seeds the fan-out, starts delivering it, and returns once it is under way.</summary>
    private async Task<Task<int>> StartFanOutAsync()
    {
        _bot.SeedFanOut();
        var fanOut = _bot.DeliverUntilDoneAsync();
        var underWay = _discord.WaitUntilAsync(p => p.Count >= UnderWay, FanOutBot.Patience, "the fan-out to get under way");
        if (await Task.WhenAny(underWay, fanOut) == fanOut)
        {
            await fanOut;
            Assert.Fail("The fan-out ended before it was under way");
        }

        await underWay;
        return fanOut;
    }
}
