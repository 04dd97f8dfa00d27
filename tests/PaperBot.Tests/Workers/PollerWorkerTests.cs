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

    private PollerWorker Worker(TimeSpan interval) => new(
        _bot.Get<ListingPoller>(),
        _bot.Get<DeliveryDispatcher>(),
        Options.Create(new HuggingFaceOptions { PollInterval = interval }),
        _bot.Time,
        NullLogger<PollerWorker>.Instance);

    [Fact]
    public async Task PollerWorker_PollsAtStartThenEveryIntervalOnTheTimeProvider()
    {
        var agents = TestPapers.Make("2611.00001", "Agents that plan");
        var robots = TestPapers.Make("2611.00002", "Robots that walk");
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(robots).ThenListed(robots, agents);
        using var worker = Worker(TimeSpan.FromMinutes(10));

        await worker.StartAsync(CancellationToken.None);
        await _polled.WaitAsync(Wait);
        Assert.Equal(1, _bot.Listing.Fetches);

        _bot.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, _bot.Listing.Fetches);

        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        await _polled.WaitAsync(Wait);
        await _bot.Publisher.WaitForPostsAsync(1, Wait);
        Assert.Equal(2, _bot.Listing.Fetches);
        Assert.Equal("2611.00001", Assert.Single(_bot.Publisher.Posts).Post.Paper.ArxivId);

        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PollerWorker_PollThrows_KeepsPollingAtTheNextInterval()
    {
        var throwing = new ThrowingOnceSource(_bot.Listing);
        _bot.Listing.ThenListed(TestPapers.Make("2611.00001", "Agents"));
        var poller = new ListingPoller(throwing, _bot.Store, _bot.Store, _bot.Store, _bot.Get<PaperBot.Core.Matching.SubscriptionMatcher>(),
            _bot.Get<ListingHealth>(), _bot.Time, NullLogger<ListingPoller>.Instance);
        using var worker = new PollerWorker(poller, _bot.Get<DeliveryDispatcher>(),
            Options.Create(new HuggingFaceOptions { PollInterval = TimeSpan.FromMinutes(5) }), _bot.Time, NullLogger<PollerWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await throwing.Thrown.Task.WaitAsync(Wait);
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        await _polled.WaitAsync(Wait);

        Assert.Equal(1, _bot.Store.Count());
        await worker.StopAsync(CancellationToken.None);
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
