using Microsoft.Extensions.Time.Testing;
using PaperBot.Slack.Publishing;

namespace PaperBot.Slack.Tests.Publishing;

public sealed class ChannelPacerTests
{
    [Fact]
    public void Reserve_SameChannel_SpacesPostsOneSecondApart()
    {
        var time = new FakeTimeProvider();
        var pacer = new ChannelPacer(time);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.Reserve("C1"));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
    }

    [Fact]
    public void Reserve_OtherChannels_DoNotWaitForEachOther()
    {
        var pacer = new ChannelPacer(new FakeTimeProvider());

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C2"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C3"));
    }

    [Fact]
    public void Block_RetryAfter_HoldsEveryChannelBackUntilItPasses()
    {
        var time = new FakeTimeProvider();
        var pacer = new ChannelPacer(time);
        pacer.Block(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve("C1"));
        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve("C2"));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C3"));
    }

    [Fact]
    public void Posted_SlowAnswer_CountsTheSecondFromTheAnswer()
    {
        var time = new FakeTimeProvider();
        var pacer = new ChannelPacer(time);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));

        // Slack took 300 ms to answer: the next post waits a full second from then, not from the send.
        time.Advance(TimeSpan.FromMilliseconds(300));
        pacer.Posted("C1");

        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Delay("C1"));
        Assert.Equal(TimeSpan.Zero, pacer.Delay("C2"));
    }

    [Fact]
    public async Task WaitUntilFree_ReservesNothing_AndCompletesWhenTheSlotComes()
    {
        var time = new FakeTimeProvider();
        var pacer = new ChannelPacer(time);
        pacer.Posted("C1");

        var wait = pacer.WaitUntilFreeAsync("C1", CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C1"));
    }
}
