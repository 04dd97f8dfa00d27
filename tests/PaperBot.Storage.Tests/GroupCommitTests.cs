using PaperBot.Testing;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>
/// Writes from many threads at once share transactions and checkpoints (group commit): every caller's write must
/// still land and survive a reopen, and one write that throws must fail only its own caller.
/// </summary>
public sealed class GroupCommitTests : StoreTestBase
{
    private const int Writers = 32;

    [Fact]
    public void Writes_FromManyThreadsAtOnce_AllLandAndSurviveReopening()
    {
        var deliveries = Enumerable.Range(0, Writers * 4).Select(i => Samples.Delivery(new ChannelRef("slack", $"C{i:D6}"), "2509.00001")).ToList();
        Store.RecordPoll([], deliveries, Samples.Polled(Samples.Day));

        Parallel.ForEach(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Writers }, d =>
        {
            Store.MarkInFlight(d.Id);
            Store.MarkSent(d.Id, "ts-" + d.Channel.Id, Samples.Now);
        });
        Reopen();

        Assert.All(deliveries, d =>
        {
            var stored = Store.FindDelivery(d.Id);
            Assert.Equal(DeliveryState.Sent, stored?.State);
            Assert.Equal("ts-" + d.Channel.Id, stored?.MessageId);
        });
        Assert.Empty(Store.Pending());
    }

    [Fact]
    public void Write_ThatThrowsAmongConcurrentWrites_FailsOnlyItsOwnCaller()
    {
        const int Rounds = 20;
        var deliveries = Enumerable.Range(0, Writers * Rounds).Select(i => Samples.Delivery(new ChannelRef("slack", $"C{i:D6}"), "2509.00002")).ToList();
        Store.RecordPoll([], deliveries, Samples.Polled(Samples.Day));
        var failures = 0;
        var unexpected = new List<Exception>();
        using var start = new Barrier(Writers);

        // Dedicated threads (the pool would start only a couple), so writes really queue behind each other's batches.
        var threads = Enumerable.Range(0, Writers).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                for (var round = 0; round < Rounds; round++)
                {
                    var index = (round * Writers) + t;
                    if (t % 4 == 0)
                    {
                        // No such delivery: the store refuses this write alone.
                        var error = Assert.Throws<KeyNotFoundException>(() => Store.MarkSent($"missing-{index}", "ts", Samples.Now));
                        Assert.Contains($"missing-{index}", error.Message, StringComparison.Ordinal);
                        Interlocked.Increment(ref failures);
                    }
                    else
                    {
                        Store.MarkSent(deliveries[index].Id, $"ts-{index}", Samples.Now);
                    }
                }
            }
            catch (Exception ex)
            {
                lock (unexpected)
                {
                    unexpected.Add(ex);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Reopen();

        Assert.Empty(unexpected);
        Assert.Equal(Writers / 4 * Rounds, failures);
        var written = deliveries.Select((d, i) => (d, i)).Where(x => x.i % Writers % 4 != 0).ToList();
        Assert.All(written, x => Assert.Equal($"ts-{x.i}", Store.FindDelivery(x.d.Id)?.MessageId));
    }

    [Fact]
    public async Task AsyncWrites_ManyAtOnceWithSyncWritesAmongThem_AllLandAndAFailingOneThrowsToItsCaller()
    {
        var deliveries = Enumerable.Range(0, Writers * 4).Select(i => Samples.Delivery(new ChannelRef("slack", $"C{i:D6}"), "2509.00003")).ToList();
        Store.RecordPoll([], deliveries, Samples.Polled(Samples.Day));

        var writes = deliveries.Select((d, i) => Task.Run(async () =>
        {
            await Store.MarkInFlightAsync(d.Id);
            if (i % 2 == 0)
            {
                await Store.MarkSentAsync(d.Id, $"ts-{i}", Samples.Now);
            }
            else
            {
                Store.MarkSent(d.Id, $"ts-{i}", Samples.Now);
            }
        })).ToList();
        var missing = Assert.ThrowsAsync<KeyNotFoundException>(() => Store.MarkAttemptFailedAsync("missing", "timeout", permanent: false).AsTask());
        await Task.WhenAll(writes);
        await missing;
        Reopen();

        Assert.All(deliveries.Select((d, i) => (d, i)), x => Assert.Equal($"ts-{x.i}", Store.FindDelivery(x.d.Id)?.MessageId));
        Assert.Empty(Store.Pending());
    }
}
