namespace PaperBot.Storage.Tests;

public abstract class InboundEventLogTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void TryRecord_SameKeyTwice_SecondIsARepeatEvenAfterReopen()
    {
        Assert.True(Store.TryRecord("slack:Ev001", Samples.Now));
        Assert.False(Store.TryRecord("slack:Ev001", Samples.Now.AddMinutes(1)));
        Reopen();

        Assert.False(Store.TryRecord("slack:Ev001", Samples.Now.AddMinutes(5)));
        Assert.True(Store.TryRecord("slack:Ev002", Samples.Now));
        Assert.True(Store.TryRecord("slack:ev001", Samples.Now));
    }

    [Fact]
    public void Prune_ForgetsOnlyOlderKeys()
    {
        Store.TryRecord("old", Samples.Now.AddDays(-2));
        Store.TryRecord("new", Samples.Now);

        Assert.Equal(1, Store.Prune(Samples.Now.AddDays(-1)));

        Assert.True(Store.TryRecord("old", Samples.Now));
        Assert.False(Store.TryRecord("new", Samples.Now));
    }
}
