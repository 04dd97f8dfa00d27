using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Pacing;
using PaperBot.Storage.Postgres;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>The shared rate budget's row on a real server, reserved from by two stores (two replicas).</summary>
public sealed class PostgresRateBudgetTests : IDisposable
{
    // One slot an hour, bursts of 10: the few milliseconds the test takes never show in the slot times.
    private static readonly RateRule Slow = new(TimeSpan.FromHours(1), Burst: 10);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ReserveRateSlots_TwoReplicas_ShareOneBurstThenTakeTurnsOnePaceApart()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);

        // An idle budget lends the burst: 10 slots from 9 intervals ago, so the first batch of 5 ended 4 intervals ago.
        AssertNear(TimeSpan.FromHours(-4), await first.ReserveRateSlotsAsync("b", Slow, 5, CancellationToken.None));
        AssertNear(TimeSpan.FromHours(1), await second.ReserveRateSlotsAsync("b", Slow, 5, CancellationToken.None));
        AssertNear(TimeSpan.FromHours(6), await first.ReserveRateSlotsAsync("b", Slow, 5, CancellationToken.None));
        AssertNear(TimeSpan.FromHours(-4), await second.ReserveRateSlotsAsync("other", Slow, 5, CancellationToken.None));
    }

    [Fact]
    public async Task ReserveRateSlots_ManyAtOnce_NoSlotIsHandedOutTwice()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);

        var ends = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).ReserveRateSlotsAsync("b", Slow, 5, CancellationToken.None)));

        // Whatever the order, the batches tile the timeline five hours apart: -4 h, +1 h, ... +31 h.
        var hours = ends.Select(e => (int)Math.Round(e.TotalHours)).Order();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => -4 + (5 * i)), hours);
    }

    [Fact]
    public async Task HoldRateBudget_Global429_NoReplicaGetsASlotBeforeItPasses()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);
        await first.ReserveRateSlotsAsync("b", Slow, 1, CancellationToken.None);

        await first.HoldRateBudgetAsync("b", TimeSpan.FromHours(20), CancellationToken.None);

        AssertNear(TimeSpan.FromHours(25), await second.ReserveRateSlotsAsync("b", Slow, 5, CancellationToken.None));
    }

    [Fact]
    public async Task TakeAsync_DatabaseGone_GoesOnTheLocalPaceInsteadOfFailingTheRequest()
    {
        using var store = PostgresStore.Open(_database.ConnectionString);
        var budget = new PostgresRateBudget(store, TimeProvider.System, NullLogger<PostgresRateBudget>.Instance);
        await budget.TakeAsync("b", RateRule.PerSecond(50, 10), spare: false, CancellationToken.None);

        _database.Dispose();

        // The batch of 5 is soon spent; the requests after it find no database and go on regardless.
        var many = Enumerable.Range(0, 20).Select(_ => budget.TakeAsync("b", RateRule.PerSecond(50, 10), spare: false, CancellationToken.None));
        await Task.WhenAll(many).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TryTakeAsync_TwoReplicas_ShareOneBurstBetweenThemAndNeverWait()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);
        var budgets = new[] { first, second }.Select(s => new PostgresRateBudget(s, TimeProvider.System, NullLogger<PostgresRateBudget>.Instance)).ToList();

        // Each replica's own pace would allow 10; together they get the one burst of 10, then nothing for an hour.
        var taken = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => budgets[i % 2].TryTakeAsync("hints", Slow, CancellationToken.None).AsTask()));

        Assert.Equal(Slow.Burst, taken.Count(t => t));
    }

    [Fact]
    public async Task TryTakeRateSlot_Spare_OnlyWhileNoReplicaRunsIntoTheBurst()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);

        // An idle budget has a spare turn for a hint.
        Assert.True(await second.TryTakeRateSlotAsync("b", Slow, spare: true, CancellationToken.None));

        // Another replica's posts take 5 of the burst at once: no spare turn is left, though ordinary ones are.
        await first.ReserveRateSlotsAsync("b", Slow, 5, CancellationToken.None);
        Assert.False(await second.TryTakeRateSlotAsync("b", Slow, spare: true, CancellationToken.None));
        Assert.True(await second.TryTakeRateSlotAsync("b", Slow, spare: false, CancellationToken.None));
    }

    [Fact]
    public async Task TakeAsync_SpareOnAnIdleBudget_GoesAtOnce()
    {
        using var store = PostgresStore.Open(_database.ConnectionString);
        var budget = new PostgresRateBudget(store, TimeProvider.System, NullLogger<PostgresRateBudget>.Instance);

        await budget.TakeAsync("b", Slow, spare: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TryTakeAsync_HeldByA429_GivesNoTurnToAnyReplica()
    {
        using var first = PostgresStore.Open(_database.ConnectionString);
        using var second = PostgresStore.Open(_database.ConnectionString);
        var holder = new PostgresRateBudget(first, TimeProvider.System, NullLogger<PostgresRateBudget>.Instance);
        var other = new PostgresRateBudget(second, TimeProvider.System, NullLogger<PostgresRateBudget>.Instance);
        Assert.True(await holder.TryTakeAsync("hints", Slow, CancellationToken.None));

        await first.HoldRateBudgetAsync("hints", TimeSpan.FromHours(1), CancellationToken.None);

        Assert.False(await other.TryTakeAsync("hints", Slow, CancellationToken.None));
    }

    private static void AssertNear(TimeSpan expected, TimeSpan actual) => Assert.InRange(actual, expected - Margin, expected + Margin);
}
