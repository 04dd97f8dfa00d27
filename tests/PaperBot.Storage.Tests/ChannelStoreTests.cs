using PaperBot.Core.Channels;

namespace PaperBot.Storage.Tests;

public abstract class ChannelStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void AddSubscription_NewChannel_RecordsChannelAndAssignsIncreasingIds()
    {
        var first = Store.AddSubscription(Samples.General, "llm AND agents", "discord:42", Samples.Now);
        var second = Store.AddSubscription(Samples.Research, "diffusion", "slack:U1", Samples.Now.AddMinutes(1));

        Assert.True(second.Id > first.Id);
        Assert.Equal(new ChannelInfo(Samples.General), Store.FindChannel(Samples.General));
        Assert.Equal(new Subscription(first.Id, Samples.General, "llm AND agents", "discord:42", Samples.Now), first);
    }

    [Fact]
    public void SubscriptionsOf_SeveralChannels_ReturnsThisChannelsOldestFirst()
    {
        var a = Store.AddSubscription(Samples.General, "a", "u", Samples.Now);
        Store.AddSubscription(Samples.Research, "b", "u", Samples.Now);
        var c = Store.AddSubscription(Samples.General, "c", "u", Samples.Now);
        Reopen();

        Assert.Equal([a, c], Store.SubscriptionsOf(Samples.General));
    }

    [Fact]
    public void RemoveSubscription_IdOfAnotherChannel_ReturnsFalseAndKeepsIt()
    {
        var other = Store.AddSubscription(Samples.Research, "b", "u", Samples.Now);

        Assert.False(Store.RemoveSubscription(Samples.General, other.Id));
        Assert.False(Store.RemoveSubscription(Samples.General, 9999));
        Assert.Equal([other], Store.SubscriptionsOf(Samples.Research));
    }

    [Fact]
    public void RemoveSubscription_OwnId_RemovesOnlyThatOne()
    {
        var a = Store.AddSubscription(Samples.General, "a", "u", Samples.Now);
        var b = Store.AddSubscription(Samples.General, "b", "u", Samples.Now);

        Assert.True(Store.RemoveSubscription(Samples.General, a.Id));
        Assert.False(Store.RemoveSubscription(Samples.General, a.Id));
        Assert.Equal([b], Store.SubscriptionsOf(Samples.General));
    }

    [Fact]
    public void RemoveAllSubscriptions_TwoChannels_RemovesOnlyThatChannelsAndCountsThem()
    {
        Store.AddSubscription(Samples.General, "a", "u", Samples.Now);
        Store.AddSubscription(Samples.General, "b", "u", Samples.Now);
        var kept = Store.AddSubscription(Samples.Research, "c", "u", Samples.Now);

        Assert.Equal(2, Store.RemoveAllSubscriptions(Samples.General));
        Assert.Equal(0, Store.RemoveAllSubscriptions(Samples.General));
        Assert.Empty(Store.SubscriptionsOf(Samples.General));
        Assert.Equal([kept], Store.ActiveSubscriptions());
    }

    [Fact]
    public void AddSubscription_AfterNewestRemovedAndReopen_DoesNotReuseItsId()
    {
        Store.AddSubscription(Samples.General, "a", "u", Samples.Now);
        var newest = Store.AddSubscription(Samples.General, "b", "u", Samples.Now);
        Store.RemoveSubscription(Samples.General, newest.Id);
        Reopen();

        var next = Store.AddSubscription(Samples.General, "c", "u", Samples.Now);

        Assert.True(next.Id > newest.Id);
    }

    [Fact]
    public void SetPaused_PauseThenResume_TogglesActiveSubscriptions()
    {
        var general = Store.AddSubscription(Samples.General, "a", "u", Samples.Now);
        var research = Store.AddSubscription(Samples.Research, "b", "u", Samples.Now);
        var pausedAt = Samples.Now.ToOffset(TimeSpan.FromHours(1));

        Store.SetPaused(Samples.General, "Missing permission: Send Messages", pausedAt);
        Reopen();

        Assert.Equal([research], Store.ActiveSubscriptions());
        var info = Store.FindChannel(Samples.General);
        Assert.Equal(new ChannelInfo(Samples.General, "Missing permission: Send Messages", pausedAt), info);
        PaperAssert.SameInstant(pausedAt, info!.PausedAt);
        Assert.Equal([general], Store.SubscriptionsOf(Samples.General));

        Store.SetPaused(Samples.General, null, Samples.Now.AddHours(1));

        Assert.Equal([general, research], Store.ActiveSubscriptions());
        Assert.Equal(new ChannelInfo(Samples.General), Store.FindChannel(Samples.General));
    }

    [Fact]
    public void AddSubscription_PausedChannel_StaysPaused()
    {
        Store.SetPaused(Samples.General, "Channel deleted", Samples.Now);

        Store.AddSubscription(Samples.General, "a", "u", Samples.Now);

        Assert.True(Store.FindChannel(Samples.General)!.IsPaused);
        Assert.Empty(Store.ActiveSubscriptions());
    }

    [Fact]
    public void FindChannel_UnknownChannel_ReturnsNull()
    {
        Assert.Null(Store.FindChannel(new ChannelRef("console", "stdout")));
    }

    [Fact]
    public void FindChannel_IdsDifferingOnlyInCase_AreDifferentChannels()
    {
        Store.SetPaused(new ChannelRef("slack", "C0ABC"), "paused", Samples.Now);

        Assert.Null(Store.FindChannel(new ChannelRef("slack", "c0abc")));
    }
}
