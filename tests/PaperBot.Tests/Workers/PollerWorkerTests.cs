using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Listing;
using PaperBot.Core.Outbox;
using PaperBot.Core.Polling;
using PaperBot.HuggingFace;
using PaperBot.Testing;
using PaperBot.Workers;

namespace PaperBot.Tests.Workers;

public sealed class PollerWorkerTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TestBot _bot = new();
    private readonly SemaphoreSlim _polled = new(0);

    public PollerWorkerTests() => _bot.Get<ListingHealth>().Changed += _ => _polled.Release();

    public void Dispose() => _bot.Dispose();

    private PollerWorker Worker(TimeSpan interval, ListingPoller? poller = null) => new(
        poller ?? _bot.Get<ListingPoller>(),
        Options.Create(new HuggingFaceOptions { PollInterval = interval }),
        _bot.Time,
        NullLogger<PollerWorker>.Instance);

    private DeliveryWorker Delivery() =>
        new(_bot.Get<DeliveryDispatcher>(), _bot.Get<DeliverySignal>(), _bot.Time, NullLogger<DeliveryWorker>.Instance);

    [Fact]
    public async Task PollerWorker_PollsAtStartThenEveryIntervalOnTheTimeProvider_AndTheDeliveryWorkerPosts()
    {
        var agents = TestPapers.Make("2611.00001", "Agents that plan");
        var robots = TestPapers.Make("2611.00002", "Robots that walk");
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(robots).ThenListed(robots, agents);
        using var poller = Worker(TimeSpan.FromMinutes(10));
        using var delivery = Delivery();
        await delivery.StartAsync(CancellationToken.None);

        await poller.StartAsync(CancellationToken.None);
        await _polled.WaitAsync(Wait);
        Assert.Equal(1, _bot.Listing.Fetches);

        _bot.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, _bot.Listing.Fetches);

        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        await _polled.WaitAsync(Wait);
        await _bot.Publisher.WaitForPostsAsync(1, Wait);
        Assert.Equal(2, _bot.Listing.Fetches);
        Assert.Equal("2611.00001", Assert.Single(_bot.Publisher.Posts).Post.Paper.ArxivId);

        await poller.StopAsync(CancellationToken.None);
        await delivery.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PollerWorker_PollThrows_KeepsPollingAtTheNextInterval()
    {
        var throwing = new ThrowingOnceSource(_bot.Listing);
        _bot.Listing.ThenListed(TestPapers.Make("2611.00001", "Agents"));
        using var worker = Worker(TimeSpan.FromMinutes(5), _bot.Create<ListingPoller>(throwing));

        await worker.StartAsync(CancellationToken.None);
        await throwing.Thrown.Task.WaitAsync(Wait);
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        await _polled.WaitAsync(Wait);

        Assert.Equal(1, _bot.Store.Count());
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DeliveryWorker_TransientFailure_RetriedAfterTheRetryIntervalOnTheTimeProvider()
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(TestPapers.Make("2611.00002", "Robots"))
            .ThenListed(TestPapers.Make("2611.00002", "Robots"), TestPapers.Make("2611.00001", "Agents"));
        var attempts = 0;
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Publisher.Answer(TestBot.General, () =>
        {
            if (attempts++ > 0)
            {
                return null;
            }

            failed.TrySetResult();
            return new PaperBot.Core.Publishing.PublishOutcome.Transient("502 from platform");
        });
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        using var delivery = Delivery();
        var idle = new SemaphoreSlim(0);
        delivery.Idle += () => idle.Release();

        // The polls woke the delivery signal; the worker's first round covers that already.
        Assert.True(await _bot.Get<DeliverySignal>().WaitAsync(TimeSpan.Zero, _bot.Time, CancellationToken.None));
        await delivery.StartAsync(CancellationToken.None);
        await failed.Task.WaitAsync(Wait);
        Assert.True(await idle.WaitAsync(Wait));
        Assert.Empty(_bot.Publisher.Posts);

        _bot.Time.Advance(DeliveryWorker.RetryInterval);
        await _bot.Publisher.WaitForPostsAsync(1, Wait);

        // The post is marked sent at the end of its round, a moment after the publisher saw it: wait for that round.
        while (_bot.Store.Pending().Count > 0)
        {
            Assert.True(await idle.WaitAsync(Wait), "the retried delivery was posted but never marked sent");
        }

        Assert.Single(_bot.Publisher.Posts);
        await delivery.StopAsync(CancellationToken.None);
    }

    private sealed class ThrowingOnceSource(IListingSource inner) : IListingSource
    {
        public TaskCompletionSource Thrown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken)
        {
            if (Thrown.TrySetResult())
            {
                throw new IOException("disk on fire");
            }

            return inner.FetchAsync(day, validators, cancellationToken);
        }
    }
}
