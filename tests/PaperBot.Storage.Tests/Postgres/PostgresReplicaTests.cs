using Npgsql;
using PaperBot.Core.Channels;
using PaperBot.Core.Replicas;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>
/// Several stores opened as replicas on one real database: one leader at a time, taken over when its lease expires or
/// it leaves; channels claimed in disjoint fair shares; a lost channel refuses to go in flight; a dead replica's
/// in-flight delivery comes back to the next holder; papers one replica writes reach the others' beats. Expiry is made
/// by moving a lease's end into the past on the server (the leases run on the server's clock), never by waiting.
/// </summary>
public sealed class PostgresReplicaTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    private PostgresStore Replica(string id) =>
        PostgresStore.Open(_database.ConnectionString, replica: new PostgresReplica(new ReplicaIdentity(id, "host-" + id, Now), Lease));

    [Fact]
    public void Beat_TwoReplicas_ExactlyOneLeadsUntilItsLeaseExpires()
    {
        using var a = Replica("a");
        using var b = Replica("b");

        Assert.True(a.Beat().Leads);
        Assert.False(b.Beat().Leads);
        Assert.True(a.Beat().Leads);

        Execute("UPDATE work_leases SET until = clock_timestamp() - interval '1 second'");

        Assert.True(b.Beat().Leads);
        Assert.False(a.Beat().Leads);
        var replicas = b.Replicas();
        Assert.Equal(["a", "b"], replicas.Select(r => r.Id));
        Assert.Equal([false, true], replicas.Select(r => r.Leads));
        Assert.All(replicas, r => Assert.True(r.Alive));
        Assert.Equal("host-a", replicas[0].Host);
    }

    [Fact]
    public void Leave_TheLeader_TheNextBeatOfAnotherLeadsAndTheLeaverIsGone()
    {
        using var a = Replica("a");
        using var b = Replica("b");
        Assert.True(a.Beat().Leads);
        Assert.False(b.Beat().Leads);

        a.Leave();

        Assert.True(b.Beat().Leads);
        Assert.Equal(["b"], b.Replicas().Select(r => r.Id));
    }

    [Fact]
    public void ClaimPending_TwoLiveReplicas_EachTakesAFairShareOfDisjointChannelsInOrder()
    {
        using var a = Replica("a");
        using var b = Replica("b");
        a.Beat();
        b.Beat();
        var channels = Enumerable.Range(1, 4).Select(i => new ChannelRef("discord", $"c{i}")).ToList();
        a.Enqueue([.. channels.SelectMany(c => new[] { "2611.00010", "2611.00011" }.Select((p, i) => Delivery.New(c, p, ["agents"], Now.AddSeconds(i))))]);

        var first = a.ClaimPending();
        var second = b.ClaimPending();

        Assert.Equal(4, first.Count);
        Assert.Equal(4, second.Count);
        Assert.Empty(first.Select(d => d.Channel.Key).Intersect(second.Select(d => d.Channel.Key)));
        Assert.All(first.Concat(second).GroupBy(d => d.Channel.Key), g => Assert.Equal(["2611.00010", "2611.00011"], g.Select(d => d.ArxivId)));
        Assert.Equal(first.Select(d => d.Id), a.ClaimPending().Select(d => d.Id));
        Assert.False(a.Beat().OutboxWaiting);
    }

    [Fact]
    public async Task MarkInFlight_ChannelHeldByAnother_IsRefusedAndWritesNothing()
    {
        using var a = Replica("a");
        using var b = Replica("b");
        var channel = new ChannelRef("slack", "C1");
        a.Enqueue([Delivery.New(channel, "2611.00010", ["agents"], Now)]);
        var claimed = Assert.Single(a.ClaimPending());

        Assert.Empty(b.ClaimPending());
        var lost = await Assert.ThrowsAsync<DeliveryClaimLostException>(() => b.MarkInFlightAsync(claimed.Id).AsTask());

        Assert.Equal("slack:C1", lost.ChannelKey);
        Assert.Equal(DeliveryState.Pending, a.FindDelivery(claimed.Id)!.State);
        await a.MarkInFlightAsync(claimed.Id);
        Assert.Equal(DeliveryState.InFlight, a.FindDelivery(claimed.Id)!.State);
    }

    [Fact]
    public async Task ClaimPending_HolderDiedWithADeliveryInFlight_AfterItsLeaseTheNextHolderGetsItInFlightAndTheDeadOneCannotPost()
    {
        var channel = new ChannelRef("discord", "c1");
        using var b = Replica("b");
        using (var a = Replica("a"))
        {
            a.Enqueue([Delivery.New(channel, "2611.00010", ["agents"], Now), Delivery.New(channel, "2611.00011", ["agents"], Now.AddSeconds(1))]);
            var owed = a.ClaimPending();
            await a.MarkInFlightAsync(owed[0].Id);
        }

        Assert.Empty(b.ClaimPending());
        Assert.False(b.Beat().OutboxWaiting);

        Execute("UPDATE channel_leases SET until = clock_timestamp() - interval '1 second' WHERE holder = 'a'");

        Assert.True(b.Beat().OutboxWaiting);
        var taken = b.ClaimPending();
        Assert.Equal([DeliveryState.InFlight, DeliveryState.Pending], taken.Select(d => d.State));
        Assert.Equal(["2611.00010", "2611.00011"], taken.Select(d => d.ArxivId));
        using var ghost = Replica("a");
        await Assert.ThrowsAsync<DeliveryClaimLostException>(() => ghost.MarkInFlightAsync(taken[1].Id).AsTask());
    }

    [Fact]
    public async Task Beat_NothingOwedAnyMore_LetsTheChannelGoForAnyReplica()
    {
        using var a = Replica("a");
        using var b = Replica("b");
        var channel = new ChannelRef("discord", "c1");
        a.Enqueue([Delivery.New(channel, "2611.00010", ["agents"], Now)]);
        var delivery = Assert.Single(a.ClaimPending());
        await a.MarkInFlightAsync(delivery.Id);
        await a.MarkSentAsync(delivery.Id, "m1", Now);

        a.Beat();
        a.Enqueue([Delivery.New(channel, "2611.00011", ["agents"], Now)]);

        Assert.True(b.Beat().OutboxWaiting);
        Assert.Equal(["2611.00011"], b.ClaimPending().Select(d => d.ArxivId));
    }

    [Fact]
    public void ClaimPending_PausedChannel_IsNotClaimedNorReportedAsWaiting()
    {
        using var a = Replica("a");
        var channel = new ChannelRef("discord", "c1");
        a.Enqueue([Delivery.New(channel, "2611.00010", ["agents"], Now)]);
        a.SetPaused(channel, "Missing Access", Now);

        Assert.False(a.Beat().OutboxWaiting);
        Assert.Empty(a.ClaimPending());
    }

    [Fact]
    public void Beat_AnotherReplicaRecordedPapers_ReportsThemOnceAndMovesTheChangeStamp()
    {
        using var poller = Replica("a");
        using var follower = Replica("b");
        var before = follower.ChangeStamp;
        Assert.Empty(follower.Beat().ChangedPapers);

        poller.RecordPoll([TestPapers.Make("2611.00010", "Agents"), TestPapers.Make("2611.00011", "Tools")], [], new PollState(true, Now, TestPapers.Day));

        Assert.Equal(["2611.00010", "2611.00011"], follower.Beat().ChangedPapers.Order(StringComparer.Ordinal));
        Assert.NotEqual(before, follower.ChangeStamp);
        Assert.Empty(follower.Beat().ChangedPapers);
        poller.RecordPoll([TestPapers.Make("2611.00011", "Tools", upvotes: 9)], [], new PollState(true, Now, TestPapers.Day));
        Assert.Equal(["2611.00011"], follower.Beat().ChangedPapers);
    }

    [Fact]
    public void Open_ReplicasCoexistButAMigrationIsKeptOut_AndAReplicaCannotStartDuringOne()
    {
        using (Replica("a"))
        using (Replica("b"))
        {
            var refused = Assert.Throws<PostgresStoreException>(() => PostgresStore.Open(_database.ConnectionString, exclusive: true));
            Assert.Contains("another PaperBot process is already using this database", refused.Message, StringComparison.Ordinal);
        }

        using var migration = PostgresStore.Open(_database.ConnectionString, exclusive: true);
        var error = Assert.Throws<PostgresStoreException>(() => Replica("c"));
        Assert.Contains("storage migrate", error.Message, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
