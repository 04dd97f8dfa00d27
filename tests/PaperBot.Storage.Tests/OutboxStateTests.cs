using PaperBot.Testing;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

public abstract class OutboxStateTests(StoreHarness harness) : StoreTestBase(harness)
{
    private Delivery Owed()
    {
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        Store.RecordPoll([Samples.Paper("2509.00001")], [delivery], Samples.Polled(Samples.Day));
        return delivery;
    }

    [Fact]
    public void MarkInFlight_SurvivesReopenAndStaysOwed()
    {
        var delivery = Owed();

        Store.MarkInFlight(delivery.Id);
        Reopen();

        Assert.Equal(DeliveryState.InFlight, Assert.Single(Store.Pending()).State);
    }

    [Fact]
    public void Requeue_BackToPendingWithoutCountingAnAttempt()
    {
        var delivery = Owed();
        Store.MarkInFlight(delivery.Id);

        Store.Requeue(delivery.Id);

        var stored = Assert.Single(Store.Pending());
        Assert.Equal(DeliveryState.Pending, stored.State);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public void MarkAttemptFailed_RecordsWhenToRetry_AndSentClearsNothingElse()
    {
        var delivery = Owed();
        Store.MarkInFlight(delivery.Id);

        Store.MarkAttemptFailed(delivery.Id, "503", permanent: false, retryAt: Samples.Now.AddSeconds(45));
        Reopen();

        var stored = Assert.Single(Store.Pending());
        Assert.Equal((DeliveryState.Pending, 1, "503", Samples.Now.AddSeconds(45)), (stored.State, stored.Attempts, stored.LastError, stored.NextAttemptAt));
    }

    [Fact]
    public void PausedChannels_ListsOnlyPausedOnesWithReasons()
    {
        Store.SetPaused(Samples.General, "no access (403)", Samples.Now);
        Store.SetPaused(Samples.Research, "paused", Samples.Now);
        Store.SetPaused(Samples.Research, null, Samples.Now);

        var paused = Assert.Single(Store.PausedChannels());
        Assert.Equal((Samples.General, "no access (403)"), (paused.Channel, paused.PausedReason));
    }
}
