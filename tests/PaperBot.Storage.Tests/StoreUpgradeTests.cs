using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>
/// Opening a store written before schema version 2, whose papers carry the arXiv date as their papers-day: the upgrade
/// estimates each day from when PaperBot first saw the paper and asks the next poll to read the last week again.
/// </summary>
public sealed class StoreUpgradeTests : IDisposable
{
    private static readonly DateOnly Friday = new(2026, 6, 12);
    private static readonly IReadOnlyList<Paper> June = ListingFixtures.ApiPapers(ListingFixtures.ApiJune);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    // The earlier version polled every few minutes, so it first saw each paper on the morning it was listed.
    private static DateTimeOffset SeenOnItsDay(Paper paper) => new(paper.ListedOn.ToDateTime(new TimeOnly(5, 10)), TimeSpan.Zero);

    private void WriteOldStore(Func<Paper, DateTimeOffset>? firstSeen = null) =>
        LegacyStore.Write(_database.Path, June, firstSeen ?? SeenOnItsDay, June.Max(LegacyStore.WrongDay));

    [Fact]
    public void Open_StoreOfTheEarlierVersion_EveryPaperGetsTheDayItWasFirstSeenAsAnEstimate()
    {
        WriteOldStore();
        Assert.All(June, p => Assert.NotEqual(Friday, LegacyStore.WrongDay(p)));

        using var store = _database.Open();

        var upgrade = Assert.Single(store.Upgrades);
        Assert.Contains("Upgraded the store to version 2", upgrade, StringComparison.Ordinal);
        Assert.Contains("30 stored papers", upgrade, StringComparison.Ordinal);
        Assert.Equal(30, store.ListedOn(Friday).Count);
        Assert.All(store.ListedOn(Friday), p => Assert.Equal(PaperDaySource.Estimated, p.ListedOnSource));
        Assert.Equal(Friday, store.LatestListedDay());
        Assert.Equal(Friday.AddDays(-7), store.GetPollState().RecheckFrom);
        Assert.All(June, p => Assert.Equal(p.PublishedAt, store.Find(p.ArxivId)!.PublishedAt));
    }

    [Fact]
    public void Open_StoreOfTheEarlierVersion_DigestWindowFindsPapersListedWeeksAfterTheirArxivDate()
    {
        WriteOldStore();
        var (after, until) = (new DateTimeOffset(2026, 6, 11, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero));

        using var store = _database.Open();

        // The digest narrows its scan by papers-day; with arXiv dates as days it missed papers published long before listing.
        Assert.Contains(June, p => LegacyStore.WrongDay(p) < Friday.AddDays(-8));
        Assert.Equal(30, store.FirstSeenBetween(after, until).Count);
    }

    [Fact]
    public void Open_FirstSeenBeforeTheStoredDay_KeepsTheStoredDay()
    {
        // A first-seen time that is not later than the stored day tells nothing better.
        WriteOldStore(p => new DateTimeOffset(LegacyStore.WrongDay(p).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        using var store = _database.Open();

        Assert.All(June, p => Assert.Equal(LegacyStore.WrongDay(p), store.Find(p.ArxivId)!.ListedOn));
    }

    [Fact]
    public void Open_UpgradedStoreOpenedAgain_UpgradesNothing()
    {
        WriteOldStore();
        using (var first = _database.Open())
        {
            Assert.Single(first.Upgrades);
        }

        using var again = _database.Open();

        Assert.Empty(again.Upgrades);
        Assert.Equal(30, again.ListedOn(Friday).Count);
    }

    [Fact]
    public void Open_NewStore_HasNothingToUpgradeAndRecordsTheVersion()
    {
        using (var store = _database.Open())
        {
            Assert.Empty(store.Upgrades);
        }

        using var db = new LiteDatabase(new ConnectionString { Filename = _database.Path, Collation = Collation.Binary });
        Assert.Equal(2, db.GetCollection("meta").FindById("schema")["Version"].AsInt32);
    }

    [Fact]
    public void Open_StoreOfANewerVersion_RefusesWithAClearMessage()
    {
        using (var db = new LiteDatabase(new ConnectionString { Filename = _database.Path, Collation = Collation.Binary }))
        {
            db.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "schema", ["Version"] = 9 });
        }

        var error = Assert.Throws<StoreOpenException>(() => _database.Open());

        Assert.Contains("it was written by a newer PaperBot (store schema version 9; this one knows up to 2), so upgrade PaperBot to use it.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Move the file aside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordPoll_EstimatedDayAndAListingThatNamesTheDay_TakesTheNamedDay()
    {
        WriteOldStore(p => SeenOnItsDay(p).AddDays(3));
        using var store = _database.Open();
        var paper = June[0];
        Assert.Equal(Friday.AddDays(3), store.Find(paper.ArxivId)!.ListedOn);

        store.RecordPoll([paper with { Upvotes = 99 }], [], store.GetPollState());

        var stored = store.Find(paper.ArxivId)!;
        Assert.Equal(Friday, stored.ListedOn);
        Assert.Equal(PaperDaySource.Listing, stored.ListedOnSource);
        Assert.Equal(99, stored.Upvotes);
    }

    [Theory]
    [InlineData(PaperDaySource.Listing, PaperDaySource.Listing)]
    [InlineData(PaperDaySource.Requested, PaperDaySource.Listing)]
    [InlineData(PaperDaySource.ArxivTime, PaperDaySource.FetchDate)]
    [InlineData(PaperDaySource.Estimated, PaperDaySource.ArxivTime)]
    public void RecordPoll_NamedStoredDayOrAGuessedNewOne_KeepsTheStoredDay(PaperDaySource stored, PaperDaySource listed)
    {
        using var store = _database.Open();
        var paper = Samples.Paper("2611.00001") with { ListedOnSource = stored };
        store.RecordPoll([paper], [], PollState.Empty);

        store.RecordPoll([paper with { ListedOn = paper.ListedOn.AddDays(2), ListedOnSource = listed }], [], PollState.Empty);

        Assert.Equal(paper.ListedOn, store.Find(paper.ArxivId)!.ListedOn);
        Assert.Equal(stored, store.Find(paper.ArxivId)!.ListedOnSource);
    }

    [Fact]
    public void RecordPoll_RecheckFrom_RoundTrips()
    {
        using var store = _database.Open();

        store.RecordPoll([], [], new PollState(true, DateTimeOffset.UnixEpoch, Friday, null, Friday.AddDays(-7)));

        Assert.Equal(Friday.AddDays(-7), store.GetPollState().RecheckFrom);
    }
}
