using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

public abstract class PaperStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void Find_PaperWithEveryFieldSet_RoundTripsExactly()
    {
        var paper = new Paper
        {
            ArxivId = "2509.04664",
            Title = "  Über-Net: 深度学習 for “quoted” α-β tests 🚀 ",
            Abstract = "First paragraph, folded.\n\nSecond paragraph with trailing space ",
            Authors = ["Zoë Ångström", "李雷", "O'Brien"],
            Organization = "Société Générale AI",
            PublishedAt = new DateTimeOffset(2025, 9, 4, 17, 59, 59, TimeSpan.FromHours(5.5)).AddTicks(1234567),
            ListedOn = new DateOnly(2025, 9, 5),
            Upvotes = 123,
            Comments = 7,
            GithubRepo = "https://github.com/example/über",
            GithubStars = 4567,
            ProjectPage = "https://example.org/π",
            Keywords = ["diffusion", "视频", "RLHF"],
            ThumbnailUrl = "https://cdn.example/thumb.png",
        };

        Store.RecordPoll([paper], [], Samples.Polled(paper.ListedOn));
        Reopen();

        PaperAssert.Same(paper, Store.Find(paper.ArxivId));
    }

    [Fact]
    public void Find_PaperWithNullsAndEmptyValues_RoundTripsExactly()
    {
        var paper = new Paper
        {
            ArxivId = "hep-th/9901001",
            Title = "",
            Abstract = "",
            ListedOn = DateOnly.MinValue,
            GithubStars = 0,
        };

        Store.RecordPoll([paper], [], PollState.Empty);

        var found = Store.Find(paper.ArxivId);
        PaperAssert.Same(paper, found);
        Assert.Empty(found!.Authors);
        Assert.Empty(found.Keywords);
        Assert.Null(found.PublishedAt);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        Assert.Null(Store.Find("2501.00001"));
    }

    [Fact]
    public void FindKnown_MixOfKnownUnknownAndRepeatedIds_ReturnsOnlyKnownOnes()
    {
        var known = Enumerable.Range(1, 60).Select(i => $"2509.{i:D5}").ToList();
        Store.RecordPoll(known.Select(id => Samples.Paper(id)).ToList(), [], PollState.Empty);
        var asked = known.Where((_, i) => i % 2 == 0)
            .Concat(Enumerable.Range(100, 50).Select(i => $"2509.{i:D5}"))
            .Append(known[0])
            .ToList();

        var found = Store.FindKnown(asked);

        Assert.Equal(known.Where((_, i) => i % 2 == 0).Order(), found.Order());
    }

    [Fact]
    public void FindKnown_NoIds_ReturnsEmptySet()
    {
        Assert.Empty(Store.FindKnown([]));
    }

    [Fact]
    public void ListedOn_PapersOnSeveralDays_ReturnsOnlyThatDay()
    {
        var day = Samples.Day;
        Store.RecordPoll(
            [Samples.Paper("2509.00001", day), Samples.Paper("2509.00002", day), Samples.Paper("2509.00003", day.AddDays(1))],
            [],
            PollState.Empty);

        var listed = Store.ListedOn(day).Select(p => p.ArxivId).Order();

        Assert.Equal(["2509.00001", "2509.00002"], listed);
        Assert.Empty(Store.ListedOn(day.AddDays(-1)));
    }

    [Fact]
    public void LatestListedDay_EmptyStore_ReturnsNull()
    {
        Assert.Null(Store.LatestListedDay());
        Assert.Equal(0, Store.Count());
    }

    [Fact]
    public void LatestListedDay_PapersOnSeveralDays_ReturnsMostRecentDay()
    {
        Store.RecordPoll(
            [Samples.Paper("2509.00001", new DateOnly(2025, 9, 3)), Samples.Paper("2509.00002", new DateOnly(2025, 9, 5)),
             Samples.Paper("2509.00003", new DateOnly(2025, 9, 4))],
            [],
            PollState.Empty);

        Assert.Equal(new DateOnly(2025, 9, 5), Store.LatestListedDay());
        Assert.Equal(3, Store.Count());
    }

    [Fact]
    public void LatestListedDay_AskedThenALaterDayRecorded_ReturnsTheLaterDay()
    {
        Assert.Null(Store.LatestListedDay());
        var stamp = Store.ChangeStamp;

        Store.RecordPoll([Samples.Paper("2509.00001", new DateOnly(2025, 9, 3))], [], PollState.Empty);
        Assert.Equal(new DateOnly(2025, 9, 3), Store.LatestListedDay());
        Assert.Equal(new DateOnly(2025, 9, 3), Store.LatestListedDay());

        Store.RecordPoll([Samples.Paper("2509.00002", new DateOnly(2025, 9, 4))], [], PollState.Empty);
        Assert.Equal(new DateOnly(2025, 9, 4), Store.LatestListedDay());
        Assert.NotEqual(stamp, Store.ChangeStamp);
    }
}
