using PaperBot.Core.Replicas;

namespace PaperBot.Core.Tests.Replicas;

public sealed class LeadershipTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunWhileLeading_AloneOnTheStore_RunsOnceAtOnceWithATokenThatNeverEnds()
    {
        var leadership = new Leadership(shared: false);
        var runs = 0;
        var term = CancellationToken.None;

        await leadership.RunWhileLeadingAsync(t =>
        {
            runs++;
            term = t;
            return Task.CompletedTask;
        }, CancellationToken.None).WaitAsync(Patience);

        Assert.True(leadership.Leads);
        Assert.Equal(1, runs);
        Assert.False(term.IsCancellationRequested);
        leadership.Depose();
        Assert.True(leadership.Leads);
    }

    [Fact]
    public async Task RunWhileLeading_Shared_WaitsForElectionStopsWhenDeposedAndRunsAgainAtTheNextTerm()
    {
        var leadership = new Leadership(shared: true);
        using var stop = new CancellationTokenSource();
        var started = new[] { new TaskCompletionSource<CancellationToken>(), new TaskCompletionSource<CancellationToken>() };
        var terms = 0;
        var running = leadership.RunWhileLeadingAsync(async term =>
        {
            started[terms++].SetResult(term);
            await Task.Delay(Timeout.Infinite, term);
        }, stop.Token);

        Assert.False(leadership.Leads);
        Assert.False(started[0].Task.IsCompleted);

        leadership.Elect();
        var first = await started[0].Task.WaitAsync(Patience);
        leadership.Depose();
        Assert.True(first.IsCancellationRequested);
        Assert.False(leadership.Leads);

        leadership.Elect();
        var second = await started[1].Task.WaitAsync(Patience);
        Assert.False(second.IsCancellationRequested);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience));
        Assert.Equal(2, terms);
    }
}
