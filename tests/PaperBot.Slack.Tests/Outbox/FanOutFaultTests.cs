using PaperBot.Testing.Platforms;

namespace PaperBot.Slack.Tests.Outbox;

/// <summary>
/// 3 papers fanned out to 20 Slack channels through the real dispatcher and Slack adapter, with Slack failing
/// mid-fan-out: once it recovers, every paper is in every channel exactly once and recorded as sent.
/// </summary>
/// <remarks>
/// Faults are scripted after the first wave (one post per channel, all answered) and served first come, first
/// served to whatever Web API request arrives next. No request of the second wave is answered with success before
/// the scripted faults are used up, and a save reaction or a history read only follows an answered post or one
/// in doubt, so every scripted fault below lands on a chat.postMessage of the second wave or its retries.
/// </remarks>
public sealed class FanOutFaultTests : IAsyncLifetime
{
    private FanOut _fanOut = null!;

    public async Task InitializeAsync() => _fanOut = await FanOut.StartAsync();

    public async Task DisposeAsync() => await _fanOut.DisposeAsync();

    [Fact]
    public async Task FanOut_BurstOf502s_RetriesThoseLaterAndPostsEveryPaperOnce()
    {
        var firstRound = await _fanOut.StartFirstRoundAsync();
        _fanOut.Faults.Burst(Fault.ServerError, 8);

        await _fanOut.DeliverUntilNothingOwedAsync(firstRound);

        _fanOut.AssertEveryPaperPostedOnceInEveryChannel();
        Assert.Equal(8, _fanOut.Faults.Served(Fault.ServerError));
        var retried = _fanOut.Deliveries().Where(d => d.LastError?.Contains("502", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(8, retried.Count);
        Assert.All(retried, d => Assert.Equal(2, d.Attempts));

        // A 502 is an answer: Slack did not post, so nothing was in doubt and no history had to be read.
        Assert.Empty(_fanOut.Slack.CallsTo("conversations.history"));
    }

    [Fact]
    public async Task FanOut_ConnectionResetsAndLostAnswers_HistoryTellsWhichLandedAndOnlyTheOthersArePostedAgain()
    {
        var firstRound = await _fanOut.StartFirstRoundAsync();
        for (var i = 0; i < 4; i++)
        {
            _fanOut.Faults.Burst(Fault.ConnectionReset, 1);
            _fanOut.Faults.Burst(Fault.AnswerLost, 1);
        }

        await _fanOut.DeliverUntilNothingOwedAsync(firstRound);

        _fanOut.AssertEveryPaperPostedOnceInEveryChannel();
        Assert.Equal(4, _fanOut.Faults.Served(Fault.ConnectionReset));
        Assert.Equal(4, _fanOut.Faults.Served(Fault.AnswerLost));

        // All 8 got no answer, so all 8 were in doubt and looked up once each before anything was sent again.
        Assert.Equal(8, _fanOut.Slack.CallsTo("conversations.history").Count);
        var logs = _fanOut.Bot.Logs.Lines.Select(l => l.Text).ToList();
        Assert.Equal(4, logs.Count(l => l.Contains("had landed as", StringComparison.Ordinal)));
        Assert.Equal(4, logs.Count(l => l.Contains("is not found there; sending it again", StringComparison.Ordinal)));

        // A lost answer's post was made once (its delivery took that message's ts); a reset one was made again.
        var inDoubt = _fanOut.Deliveries().Where(d => d.Attempts > 1).ToList();
        Assert.Equal(8, inDoubt.Count);
        Assert.All(inDoubt, d => Assert.Contains("could not be reached", d.LastError, StringComparison.Ordinal));
        var posts = _fanOut.Slack.CallsTo("chat.postMessage").ToLookup(FanOut.DeliveryIdOf);
        Assert.Equal(4, inDoubt.Count(d => posts[d.Id].Count() == 1 && !posts[d.Id].Single().Refused));
        Assert.Equal(4, inDoubt.Count(d => posts[d.Id].Count() == 2 && posts[d.Id].First().Refused));
    }

    [Fact]
    public async Task FanOut_429Storm_WaitsOutEveryRetryAfterAndPostsEveryPaperOnce()
    {
        var firstRound = await _fanOut.StartFirstRoundAsync();

        // Enough 429s for 4 tries at every channel's second post: more than the publisher waits out in place, so
        // posts also go back to the dispatcher, to be retried when Slack's Retry-After has passed.
        _fanOut.Faults.Burst(Fault.TooManyRequests, 80);

        await _fanOut.DeliverUntilNothingOwedAsync(firstRound);

        _fanOut.AssertEveryPaperPostedOnceInEveryChannel();
        Assert.Equal(80, _fanOut.Faults.Served(Fault.TooManyRequests));
        Assert.Equal(80, _fanOut.Slack.CallsTo("chat.postMessage").Count(c => c.Refused));
        Assert.Contains(_fanOut.Deliveries(), d => d.Attempts > 1 && d.LastError?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(_fanOut.Bot.Logs.Lines, l => l.Text.Contains("as Retry-After asks", StringComparison.Ordinal));

        // A 429 is an answer: nothing was in doubt.
        Assert.Empty(_fanOut.Slack.CallsTo("conversations.history"));
    }
}
