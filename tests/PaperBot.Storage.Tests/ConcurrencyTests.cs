using PaperBot.Testing;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

public abstract class ConcurrencyTests(StoreHarness harness) : StoreTestBase(harness)
{
    private const int Threads = 4;
    private const int Rounds = 15;

    [Fact]
    public void Store_CalledFromSeveralThreadsAtOnce_LosesAndCorruptsNothing()
    {
        var errors = new List<Exception>();
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                Work(t);
            }
            catch (Exception ex)
            {
                lock (errors)
                {
                    errors.Add(ex);
                }
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        Assert.All(workers, w => Assert.True(w.Join(TimeSpan.FromMinutes(2)), "a worker did not finish"));

        Assert.Empty(errors);
        Reopen();
        Assert.Equal(Threads * Rounds, Store.Count());
        var subscriptions = Store.ActiveSubscriptions();
        Assert.Equal(Threads * Rounds, subscriptions.Count);
        Assert.Equal(subscriptions.Count, subscriptions.Select(s => s.Id).Distinct().Count());
        Assert.All(Enumerable.Range(0, Threads), t =>
        {
            Assert.Equal(Rounds, Store.ListSaved(User(t)).Count);
            Assert.DoesNotContain(Store.Pending(), d => d.Channel == Channel(t));
            Assert.Equal(Rounds, Store.SubscriptionsOf(Channel(t)).Count);
        });
    }

    private void Work(int thread)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var arxivId = $"2509.{thread}{round:D4}";
            var delivery = Samples.Delivery(Channel(thread), arxivId);
            Store.RecordPoll([Samples.Paper(arxivId)], [delivery], Samples.Polled(Samples.Day));
            Store.AddSubscription(Channel(thread), $"topic {round}", "u", Samples.Now);
            Store.Save(User(thread), arxivId, Samples.Now.AddSeconds(round));
            Store.MarkSent(delivery.Id, $"m-{thread}-{round}", Samples.Now);

            // Reads interleaved with other threads' writes.
            Assert.NotNull(Store.Find(arxivId));
            Assert.Equal(DeliveryState.Sent, Store.FindDelivery(delivery.Id)!.State);
            Store.FindKnown([arxivId, "2509.99999"]);
        }
    }

    private static ChannelRef Channel(int thread) => new("discord", $"channel-{thread}");

    private static UserRef User(int thread) => new("discord", $"user-{thread}");
}
