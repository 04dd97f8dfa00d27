using PaperBot.Testing;
using PaperBot.Core.Listing;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

public abstract class PollStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void GetPollState_NewStore_ReturnsEmpty()
    {
        Assert.Equal(PollState.Empty, Store.GetPollState());
    }

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData(null, true)]
    [InlineData("W/\"weak\"", false)]
    public void RecordPoll_ListingValidators_SurviveReopenExactly(string? etag, bool withLastModified)
    {
        var validators = new ListingValidators(etag, withLastModified ? new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero) : null);
        var state = Samples.Polled(Samples.Day) with { Validators = validators };

        Store.RecordPoll([], [], state);
        Reopen();

        Assert.Equal(state, Store.GetPollState());
    }

    [Fact]
    public void RecordPoll_KnownPaperListedAgain_RefreshesCountsAndKeepsListedOn()
    {
        var first = Samples.Paper("2509.04664", new DateOnly(2025, 9, 4), upvotes: 3) with { Comments = 1, GithubStars = 10 };
        Store.RecordPoll([first], [], Samples.Polled(first.ListedOn));

        var again = first with
        {
            ListedOn = new DateOnly(2025, 9, 6),
            Upvotes = 42,
            Comments = 5,
            GithubStars = 99,
            Title = "Retitled",
            Abstract = "Revised abstract.",
        };
        Store.RecordPoll([again], [], Samples.Polled(again.ListedOn));

        PaperAssert.Same(again with { ListedOn = first.ListedOn }, Store.Find(first.ArxivId));
        Assert.Equal(1, Store.Count());
    }

    [Fact]
    public void RecordPoll_DeliveryIdAlreadyStored_KeepsTheStoredOne()
    {
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        Store.RecordPoll([Samples.Paper("2509.00001")], [delivery], Samples.Polled(Samples.Day));
        Store.MarkSent(delivery.Id, "m-1", Samples.Now.AddMinutes(1));

        var duplicate = delivery with { Topics = ["other"], CreatedAt = Samples.Now.AddDays(1) };
        Store.RecordPoll([Samples.Paper("2509.00001")], [duplicate, duplicate], Samples.Polled(Samples.Day));

        var stored = Store.FindDelivery(delivery.Id);
        Assert.NotNull(stored);
        Assert.Equal(DeliveryState.Sent, stored.State);
        Assert.Equal(["llm"], stored.Topics);
        Assert.Empty(Store.Pending());
    }

    [Fact]
    public void RecordPoll_NewDeliveries_AreStoredAsGiven()
    {
        var delivery = Samples.Delivery(Samples.Research, "2509.00002", new DateTimeOffset(2025, 9, 5, 9, 0, 0, TimeSpan.FromHours(-7)).AddTicks(3));

        Store.RecordPoll([Samples.Paper("2509.00002")], [delivery], Samples.Polled(Samples.Day));
        Reopen();

        PaperAssert.Same(delivery, Store.FindDelivery(delivery.Id));
    }

    [Fact]
    public void RecordPoll_FailureMidway_LeavesNothingBehind()
    {
        var known = Samples.Paper("2509.00001", upvotes: 5);
        Store.RecordPoll([known], [], Samples.Polled(Samples.Day));
        var before = Store.GetPollState();
        var good = Samples.Delivery(Samples.General, "2509.00002");

        // A delivery without a channel cannot be mapped: the failure comes after papers and one delivery were written.
        var broken = good with { Id = "broken", Channel = null! };
        var failing = () => Store.RecordPoll(
            [known with { Upvotes = 50 }, Samples.Paper("2509.00002")],
            [good, broken],
            new PollState(true, Samples.Now.AddHours(1), Samples.Day.AddDays(1)));

        Assert.ThrowsAny<Exception>(failing);

        Assert.Equal(5, Store.Find(known.ArxivId)!.Upvotes);
        Assert.Null(Store.Find("2509.00002"));
        Assert.Null(Store.FindDelivery(good.Id));
        Assert.Empty(Store.Pending());
        Assert.Equal(before, Store.GetPollState());
        Assert.Equal(1, Store.Count());
    }

    [Fact]
    public void RecordPoll_AfterARolledBackPoll_StillWrites()
    {
        var broken = Samples.Delivery(Samples.General, "2509.00001") with { Channel = null! };
        Assert.ThrowsAny<Exception>(() => Store.RecordPoll([], [broken], PollState.Empty));

        Store.RecordPoll([Samples.Paper("2509.00003")], [], Samples.Polled(Samples.Day));
        Reopen();

        Assert.NotNull(Store.Find("2509.00003"));
        Assert.Equal(Samples.Polled(Samples.Day), Store.GetPollState());
    }

    [Fact]
    public void GetPollState_AfterReopen_ReturnsLastRecordedState()
    {
        var state = new PollState(true, new DateTimeOffset(2025, 9, 5, 6, 0, 0, TimeSpan.FromHours(2)).AddTicks(9), new DateOnly(2025, 9, 5));
        Store.RecordPoll([], [], Samples.Polled(Samples.Day));
        Store.RecordPoll([], [], state);

        Reopen();

        var stored = Store.GetPollState();
        Assert.Equal(state, stored);
        PaperAssert.SameInstant(state.LastSuccessAt, stored.LastSuccessAt);
    }
}
