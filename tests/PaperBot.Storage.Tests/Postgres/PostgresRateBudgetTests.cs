using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Pacing;
using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>The shared rate budget's row on a real server, taken by two stores (two replicas) at once.</summary>
public sealed class PostgresRateBudgetTests : IDisposable
{
    // Refills once an hour, so nothing refills while the test runs: every count is exact.
    private static readonly RateRule Slow = new(TimeSpan.FromHours(1), Burst: 10);

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TakeRateTokens_TwoReplicas_ShareOneBurstAndThenWaitForTheRefill()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);

        var grants = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).TakeRateTokensAsync("b", Slow, 3, CancellationToken.None)));

        Assert.Equal([0, 0, 1, 3, 3, 3], grants.Select(g => g.Granted).Order());
        var (granted, retryIn) = await second.TakeRateTokensAsync("b", Slow, 3, CancellationToken.None);
        Assert.Equal(0, granted);
        Assert.InRange(retryIn, TimeSpan.FromHours(2.9), TimeSpan.FromHours(3));
        Assert.Equal(3, (await first.TakeRateTokensAsync("other", Slow, 3, CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task HoldRateBudget_Global429_NoReplicaIsGrantedATokenUntilItPasses()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);
        Assert.Equal(1, (await first.TakeRateTokensAsync("b", RateRule.PerSecond(50, 10), 1, CancellationToken.None)).Granted);

        await first.HoldRateBudgetAsync("b", TimeSpan.FromMinutes(5), CancellationToken.None);

        var (granted, retryIn) = await second.TakeRateTokensAsync("b", RateRule.PerSecond(50, 10), 5, CancellationToken.None);
        Assert.Equal(0, granted);
        Assert.InRange(retryIn, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task TakeAsync_DatabaseGone_GoesOnTheLocalPaceInsteadOfFailingTheRequest()
    {
        using var store = PostgresStore.Open(_database.ConnectionString);
        var budget = new PostgresRateBudget(store, TimeProvider.System, NullLogger<PostgresRateBudget>.Instance);
        await budget.TakeAsync("b", RateRule.PerSecond(50, 10), spare: false, CancellationToken.None);

        _database.Dispose();

        // The batch of 5 lapses within 250 ms; the requests after it find no database and go on regardless.
        var many = Enumerable.Range(0, 20).Select(_ => budget.TakeAsync("b", RateRule.PerSecond(50, 10), spare: false, CancellationToken.None));
        await Task.WhenAll(many).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
