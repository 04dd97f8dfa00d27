using PaperBot.Core.Commands;

namespace PaperBot.Core.Tests.Commands;

public sealed class BackgroundRepliesTests
{
    [Fact]
    public async Task Drain_WaitsForTrackedReplies_ThenReportsAllSent()
    {
        using var replies = new BackgroundReplies();
        var sent = new TaskCompletionSource();
        replies.Track(sent.Task);
        Assert.Equal(1, replies.Running);

        var drain = replies.DrainAsync(TimeSpan.FromSeconds(30));
        Assert.False(drain.IsCompleted);
        sent.SetResult();

        Assert.True(await drain);
        Assert.False(replies.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task Drain_ReplyStillRunningAfterThePatience_IsToldToGiveUp()
    {
        using var replies = new BackgroundReplies();
        var stuck = Task.Delay(Timeout.InfiniteTimeSpan, replies.Abandoned);
        replies.Track(stuck.ContinueWith(_ => { }, TaskScheduler.Default));

        Assert.False(await replies.DrainAsync(TimeSpan.FromMilliseconds(50)));

        Assert.True(replies.Abandoned.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
