using PaperBot.Testing;
using PaperBot.Core.Channels;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Storage.Postgres.Copying;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary><c>paperbot storage migrate</c>: a LiteDB file with every kind of row, copied into a real PostgreSQL database and read back.</summary>
public sealed class StorageMigrateTests : IDisposable
{
    private static readonly DateTimeOffset Later = Samples.Now.AddHours(5).ToOffset(TimeSpan.FromHours(-3)).AddTicks(7);
    private readonly TempDatabase _file = new();
    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _database.Dispose();
        _file.Dispose();
    }

    [Fact]
    public async Task Migrate_EveryKindOfRow_ArrivesExactlyAndCountsMatch()
    {
        var source = Fill();

        Assert.Equal(0, await Migrate());

        using var target = PostgresStore.Open(_database.ConnectionString);
        Assert.Contains("Done: every count matches", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal(source.Counts, target.CountAll());
        foreach (var paper in source.Papers)
        {
            PaperAssert.Same(paper, target.Find(paper.ArxivId));
            Assert.Equal(paper.ListedOnSource, target.Find(paper.ArxivId)!.ListedOnSource);
        }

        Assert.Equal(["2509.00001"], target.FirstSeenBetween(Samples.Now.AddMinutes(-1), Samples.Now).Select(p => p.ArxivId));
        Assert.Equal(["2509.00002", "hep-th/9901001"], target.FirstSeenBetween(Samples.Now, Later).Select(p => p.ArxivId).Order());
        foreach (var delivery in source.Deliveries)
        {
            var copied = target.FindDelivery(delivery.Id);
            PaperAssert.Same(delivery, copied);
            Assert.Equal((delivery.Kind, delivery.Heading, delivery.NextAttemptAt), (copied!.Kind, copied.Heading, copied.NextAttemptAt));
            Assert.Equal(delivery.DigestPapers, copied.DigestPapers);
        }

        Assert.Equal(source.Pending.Select(d => d.Id), target.Pending().Select(d => d.Id));
        Assert.Equal(new PostedMessage(Samples.General, "m-1", "2509.00001", Later), target.FindPost(Samples.General, "m-1"));
        Assert.Equal(source.Subscriptions, target.AllSubscriptions());
        Assert.Equal(source.Channels, target.AllChannels());
        Assert.Equal(source.Saved, target.ListSaved(Samples.Alice));
        Assert.False(target.TryRecord("slack:Ev1", Samples.Now));
        Assert.Equal(source.PollState, target.GetPollState());
        var embedding = Assert.Single(target.AllEmbeddings("mini"));
        Assert.Equal([0.25f, -1.5f, 3f], embedding.Vector);

        // The id of the removed newest subscription is never handed out again.
        Assert.True(target.AddSubscription(Samples.General, "new", "u", Samples.Now).Id > source.LastSubscriptionId);
    }

    [Fact]
    public async Task Migrate_TargetNotEmpty_RefusesWithoutForceAndReplacesWithIt()
    {
        Fill();
        Assert.Equal(0, await Migrate());
        using (var target = PostgresStore.Open(_database.ConnectionString))
        {
            target.Save(new UserRef("slack", "U9"), "2509.09999", Samples.Now);
        }

        Assert.Equal(1, await Migrate());
        Assert.Contains("is not empty (3 papers", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--force", _error.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await Migrate("--force"));
        using var replaced = PostgresStore.Open(_database.ConnectionString);
        Assert.Empty(replaced.ListSaved(new UserRef("slack", "U9")));
        using var file = _file.Open();
        Assert.Equal(file.CountAll(), replaced.CountAll());
    }

    [Theory]
    [InlineData("migrate", "--from", "x.db")]
    [InlineData("migrate", "--to", "Host=x")]
    [InlineData("copy", "--from", "x.db", "--to", "Host=x")]
    [InlineData("migrate", "--from", "x.db", "--to", "Host=x", "--frce")]
    public async Task Migrate_BadArguments_PrintsUsageAndExits2(params string[] args)
    {
        Assert.Equal(2, await StorageCli.RunAsync(args, _output, _error));
        Assert.Contains("Usage: paperbot storage migrate --from", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NoSuchFile_SaysSoAndCreatesNothing()
    {
        Assert.Equal(1, await StorageCli.RunAsync(["migrate", "--from", _file.Path, "--to", _database.ConnectionString], _output, _error));

        Assert.Contains("There is no LiteDB file at", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_file.Path));
    }

    private Task<int> Migrate(params string[] extra) =>
        StorageCli.RunAsync(["migrate", "--from", _file.Path, "--to", _database.ConnectionString, .. extra], _output, _error);

    private Expected Fill()
    {
        using var store = _file.Open();
        Paper[] papers =
        [
            Samples.Paper("2509.00001", upvotes: 3) with { Authors = ["Zoë Ångström"], Keywords = ["agents"], PublishedAt = Later },
            Samples.Paper("2509.00002") with { ListedOnSource = PaperDaySource.FetchDate, GithubStars = 0, Organization = "Org" },
            Samples.Paper("hep-th/9901001", Samples.Day.AddDays(-3)),
        ];
        var first = Samples.Delivery(Samples.General, "2509.00001");
        var second = Samples.Delivery(Samples.Research, "2509.00002", Later);
        var third = Samples.Delivery(Samples.General, "2509.00002");
        store.RecordPoll([papers[0]], [first], Samples.Polled(Samples.Day) with { LastSuccessAt = Samples.Now });
        var poll = new PollState(true, Later, Samples.Day, new ListingValidators("\"etag\"", Later), Samples.Day.AddDays(-7));
        store.RecordPoll([.. papers], [second, third], poll);
        store.MarkSent(first.Id, "m-1", Later);
        store.MarkAttemptFailed(second.Id, "503", permanent: false, retryAt: Later, inDoubt: true);
        store.MarkAttemptFailed(third.Id, "gone", permanent: true);

        var digestOptions = new SubscriptionOptions { Mode = SubscriptionMode.Digest, DigestAt = new TimeOnly(7, 30), TimeZone = "Asia/Tokyo", MinUpvotes = 5 };
        var digestSubscription = store.AddSubscription(Samples.General, "agents", "discord:42", Samples.Now, digestOptions);
        store.AddSubscription(Samples.Research, "robots", "slack:U1", Later);
        var removed = store.AddSubscription(Samples.Research, "gone", "slack:U1", Later);
        store.RemoveSubscription(Samples.Research, removed.Id);
        store.RecordDigest(digestSubscription.Id, Later, Delivery.Digest(digestSubscription, Samples.Day, ["2509.00002", "2509.00001"], "Digest", Later));
        store.SetPaused(Samples.Research, "Missing access", Later);
        store.Save(Samples.Alice, "2509.00001", Samples.Now);
        store.Save(Samples.Alice, "2509.00002", Later);
        store.TryRecord("slack:Ev1", Samples.Now);
        store.SaveEmbeddings([new PaperEmbedding("2509.00001", "mini", [0.25f, -1.5f, 3f])]);

        var deliveries = store.ExportDeliveries(null, 100);
        return new Expected(papers, deliveries, store.Pending(), store.AllSubscriptions(), store.AllChannels(), store.ListSaved(Samples.Alice),
            store.GetPollState(), store.CountAll(), removed.Id);
    }

    private sealed record Expected(
        IReadOnlyList<Paper> Papers, IReadOnlyList<Delivery> Deliveries, IReadOnlyList<Delivery> Pending, IReadOnlyList<Subscription> Subscriptions,
        IReadOnlyList<ChannelInfo> Channels, IReadOnlyList<SavedPaper> Saved, PollState PollState, StoreCounts Counts, int LastSubscriptionId);
}
