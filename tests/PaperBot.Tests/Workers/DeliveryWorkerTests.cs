using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Outbox;
using PaperBot.Core.Polling;
using PaperBot.Core.Publishing;
using PaperBot.Testing;
using PaperBot.Workers;

namespace PaperBot.Tests.Workers;

/// <summary>The delivery worker retries a failed post at its NextAttemptAt, not at the next one-minute tick.</summary>
public sealed class DeliveryWorkerTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TestBot _bot = new();
    private readonly SemaphoreSlim _idle = new(0);
    private int _attempts;

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task DeliveryWorker_PlatformSaysRetryAfter5s_RetriesAt5sNotAtTheTick()
    {
        await ListOneMatchingPaperAsync(new PublishOutcome.Transient("429 from platform", RetryAfter: TimeSpan.FromSeconds(5)));
        using var worker = await StartUntilFirstFailureAsync();

        _bot.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(_bot.Publisher.Posts);
        Assert.Equal(1, _attempts);

        _bot.Time.Advance(TimeSpan.FromSeconds(0.1));
        await _bot.Publisher.WaitForPostsAsync(1, Wait);

        Assert.Equal(2, _attempts);
        Assert.Empty(_bot.Store.Pending());
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DeliveryWorker_TransientFailureWithBackoff_RetriesAtTheStoredNextAttemptAt()
    {
        await ListOneMatchingPaperAsync(new PublishOutcome.Transient("502 from platform"));
        var start = _bot.Time.GetUtcNow();
        using var worker = await StartUntilFirstFailureAsync();
        var due = Assert.Single(_bot.Store.Pending()).NextAttemptAt!.Value;
        var backoff = due - start;

        // Delivery:RetryBaseDelay is 30 s with jitter down to half: well inside the one-minute tick.
        Assert.InRange(backoff, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        _bot.Time.Advance(backoff - TimeSpan.FromMilliseconds(500));
        Assert.Empty(_bot.Publisher.Posts);

        _bot.Time.Advance(TimeSpan.FromMilliseconds(500));
        await _bot.Publisher.WaitForPostsAsync(1, Wait);
        Assert.Equal(2, _attempts);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DeliveryWorker_RetryDueLaterThanTheTick_RunsATickRoundFirstAndStillRetriesAtItsTime()
    {
        await ListOneMatchingPaperAsync(new PublishOutcome.Transient("429 from platform", RetryAfter: TimeSpan.FromSeconds(90)));
        using var worker = await StartUntilFirstFailureAsync();

        _bot.Time.Advance(DeliveryWorker.RetryInterval);
        Assert.True(await _idle.WaitAsync(Wait));
        Assert.Equal(1, _attempts);

        _bot.Time.Advance(TimeSpan.FromSeconds(30));
        await _bot.Publisher.WaitForPostsAsync(1, Wait);
        Assert.Equal(2, _attempts);
        await worker.StopAsync(CancellationToken.None);
    }

    /// <summary>Subscribes, records a first listing, then lists one matching paper whose first post answers <paramref name="first"/>.</summary>
    private async Task ListOneMatchingPaperAsync(PublishOutcome first)
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Listing.ThenListed(TestPapers.Make("2611.00002", "Robots"))
            .ThenListed(TestPapers.Make("2611.00002", "Robots"), TestPapers.Make("2611.00001", "Agents"));
        _bot.Publisher.Answer(TestBot.General, () => Interlocked.Increment(ref _attempts) == 1 ? first : null);
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
        await _bot.Get<ListingPoller>().PollAsync(CancellationToken.None);
    }

    private async Task<DeliveryWorker> StartUntilFirstFailureAsync()
    {
        var worker = new DeliveryWorker(_bot.Get<DeliveryDispatcher>(), _bot.Get<DeliverySignal>(), _bot.Time, NullLogger<DeliveryWorker>.Instance);
        worker.Idle += () => _idle.Release();
        await worker.StartAsync(CancellationToken.None);

        // The first round may come from the polls' wake-up; wait until a round has seen the failure and gone idle.
        while (Volatile.Read(ref _attempts) == 0 || _bot.Store.Pending() is not [{ NextAttemptAt: not null }])
        {
            Assert.True(await _idle.WaitAsync(Wait));
        }

        return worker;
    }
}
