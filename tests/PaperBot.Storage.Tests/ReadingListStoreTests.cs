using PaperBot.Core.Channels;

namespace PaperBot.Storage.Tests;

public abstract class ReadingListStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void Save_SamePaperTwice_ReturnsFalseAndKeepsFirstDate()
    {
        Assert.True(Store.Save(Samples.Alice, "2509.00001", Samples.Now));
        Assert.False(Store.Save(Samples.Alice, "2509.00001", Samples.Now.AddDays(1)));

        var saved = Assert.Single(Store.ListSaved(Samples.Alice));
        Assert.Equal(new SavedPaper(Samples.Alice, "2509.00001", Samples.Now), saved);
    }

    [Fact]
    public void ListSaved_SeveralSaves_ReturnsMostRecentFirst()
    {
        Store.Save(Samples.Alice, "2509.00001", Samples.Now);
        Store.Save(Samples.Alice, "2509.00003", Samples.Now.AddMinutes(2));
        Store.Save(Samples.Alice, "2509.00002", Samples.Now.AddMinutes(1));
        Reopen();

        Assert.Equal(["2509.00003", "2509.00002", "2509.00001"], Store.ListSaved(Samples.Alice).Select(s => s.ArxivId));
    }

    [Fact]
    public void ListSaved_OtherUsersAndPlatforms_AreSeparate()
    {
        var bobOnSlack = new UserRef("slack", "42");
        Store.Save(Samples.Alice, "2509.00001", Samples.Now);
        Store.Save(bobOnSlack, "2509.00002", Samples.Now);

        Assert.Equal(["2509.00001"], Store.ListSaved(Samples.Alice).Select(s => s.ArxivId));
        Assert.Equal(["2509.00002"], Store.ListSaved(bobOnSlack).Select(s => s.ArxivId));
        Assert.Empty(Store.ListSaved(new UserRef("discord", "43")));
    }

    [Fact]
    public void ListSaved_DisplayNameChanged_FindsTheSameList()
    {
        Store.Save(Samples.Alice, "2509.00001", Samples.Now);

        var renamed = Samples.Alice with { DisplayName = "Alice B." };

        Assert.Equal("Alice B.", Assert.Single(Store.ListSaved(renamed)).User.DisplayName);
    }

    [Fact]
    public void Save_UserIdsDifferingOnlyInCase_AreDifferentUsers()
    {
        Store.Save(new UserRef("slack", "U0ABC"), "2509.00001", Samples.Now);

        Assert.True(Store.Save(new UserRef("slack", "u0abc"), "2509.00001", Samples.Now));
        Assert.Single(Store.ListSaved(new UserRef("slack", "U0ABC")));
    }

    [Fact]
    public void Unsave_SavedAndNotSaved_ReturnsWhetherItWasThere()
    {
        Store.Save(Samples.Alice, "2509.00001", Samples.Now);

        Assert.True(Store.Unsave(Samples.Alice, "2509.00001"));
        Assert.False(Store.Unsave(Samples.Alice, "2509.00001"));
        Assert.Empty(Store.ListSaved(Samples.Alice));
        Assert.True(Store.Save(Samples.Alice, "2509.00001", Samples.Now.AddDays(1)));
    }
}
