using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

/// <summary>
/// <c>today</c> and <c>search</c> remember the answers they gave while nothing they were computed from has changed
/// (the stored papers, the search index, the calendar day): asked again, the answer comes at once, without the command
/// gate; after a poll, or on the next day, it is computed afresh.
/// </summary>
public sealed class RememberedAnswersTests : IDisposable
{
    private readonly TestBot _bot = new(now: new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    /// <summary>Records a poll and refreshes the index, as the poller does.</summary>
    private void Poll(params Paper[] papers)
    {
        _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        _bot.Get<PaperSearchIndex>().Refresh([.. papers.Select(p => p.ArxivId)]);
    }

    [Fact]
    public async Task TodayAndSearch_AskedAgainWithEveryGateWorkerStuck_AnsweredAtOnceFromMemory()
    {
        Poll(TestPapers.Make("2611.00001", "Agents that plan", upvotes: 5), TestPapers.Make("2611.00002", "Agents that reason", upvotes: 9));
        var today = await _bot.RunAsync<PaperListResult>("/papers today");
        var search = await _bot.RunAsync<PaperListResult>("/papers search agents");

        var gate = _bot.Get<CommandGate>();
        using var release = new ManualResetEventSlim();
        using var started = new CountdownEvent(gate.Workers);
        var stuck = Enumerable.Range(0, gate.Workers).Select(_ =>
        {
            Assert.True(gate.TryRun(() =>
            {
                started.Signal();
                release.Wait(TimeSpan.FromSeconds(30));
                return Task.FromResult(0);
            }, out var work));
            return work;
        }).ToList();
        Assert.True(started.Wait(TimeSpan.FromSeconds(20)));

        var dispatcher = _bot.Get<CommandDispatcher>();
        var context = new CommandContext(TestBot.General, TestBot.Bob, CanManageChannel: false);
        var todayAgain = dispatcher.ExecuteAsync(context, "/papers today", CancellationToken.None);
        var searchAgain = dispatcher.ExecuteAsync(context, "/papers search agents", CancellationToken.None);

        // Completed on the caller's thread, while no gate worker is free: no command work ran.
        Assert.True(todayAgain.IsCompletedSuccessfully);
        Assert.True(searchAgain.IsCompletedSuccessfully);
        Assert.Same(today, await todayAgain);
        Assert.Same(search, await searchAgain);

        release.Set();
        await Task.WhenAll(stuck).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task TodayAndSearch_AfterAPoll_AnsweredAfreshWithTheNewPapers()
    {
        Poll(TestPapers.Make("2611.00001", "Agents that plan", upvotes: 5));
        var today = await _bot.RunAsync<PaperListResult>("/papers today");
        var search = await _bot.RunAsync<PaperListResult>("/papers search agents");

        Poll(TestPapers.Make("2611.00002", "Agents that reason", upvotes: 9), TestPapers.Make("2611.00001", "Agents that plan", upvotes: 12));
        var todayAfter = await _bot.RunAsync<PaperListResult>("/papers today");
        var searchAfter = await _bot.RunAsync<PaperListResult>("/papers search agents");

        Assert.Equal(["Agents that plan"], today.Papers.Select(p => p.Title));
        Assert.Equal(["Agents that plan", "Agents that reason"], todayAfter.Papers.Select(p => p.Title));
        Assert.Equal(12, todayAfter.Papers[0].Upvotes);
        Assert.Single(search.Papers);
        Assert.Equal(["Agents that plan", "Agents that reason"], searchAfter.Papers.Select(p => p.Title));
    }

    [Fact]
    public async Task Today_StoreWrittenAroundThePoller_AnsweredAfresh()
    {
        Poll(TestPapers.Make("2611.00001", "Tuesday paper"));
        await _bot.RunAsync<PaperListResult>("/papers today");

        // No index refresh: the stored papers' stamp alone tells that the answer may be out of date.
        _bot.Store.RecordPoll([TestPapers.Make("2611.00002", "Wednesday paper", listedOn: TestPapers.Day.AddDays(1))], [],
            new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day.AddDays(1)));
        var after = await _bot.RunAsync<PaperListResult>("/papers today");

        Assert.Equal(["Wednesday paper"], after.Papers.Select(p => p.Title));
    }

    [Fact]
    public async Task Today_OnTheNextDay_AnsweredAfreshWithItsNotice()
    {
        Poll(TestPapers.Make("2611.00001", "Tuesday paper"));
        var first = await _bot.RunAsync<PaperListResult>("/papers today");

        _bot.Time.Advance(TimeSpan.FromDays(1));
        var next = await _bot.RunAsync<PaperListResult>("/papers today");

        Assert.Null(first.Notice);
        Assert.Contains("No papers have been listed yet today (Wed, Nov 25, 2026)", next.Notice);
    }

    [Fact]
    public async Task Today_OtherPageOrQuery_NotTheRememberedAnswer()
    {
        Poll([.. Enumerable.Range(1, 12).Select(i => TestPapers.Make($"2611.{i:00000}", $"Paper {i}", upvotes: i))]);
        var first = await _bot.RunAsync<PaperListResult>("/papers today");

        var second = await _bot.RunAsync<PaperListResult>("/papers today --page 2");
        var filtered = await _bot.RunAsync<PaperListResult>("/papers today \"Paper 3\"");

        Assert.Equal(1, first.FirstNumber);
        Assert.Equal(11, second.FirstNumber);
        Assert.Equal(["Paper 3"], filtered.Papers.Select(p => p.Title));
    }

    [Fact]
    public async Task Today_MeaningQuery_NeverRemembered()
    {
        Poll(TestPapers.Make("2611.00001", "Agents that plan"));
        var handler = _bot.Get<IEnumerable<ICommandHandler>>().Single(h => h.Name == "today");
        CommandArguments about = "about:\"planning agents\"";

        await handler.ExecuteAsync(new CommandContext(TestBot.General, TestBot.Alice, true), about, CancellationToken.None);

        Assert.Null(handler.Remembered(new CommandContext(TestBot.General, TestBot.Alice, true), about));
    }
}
