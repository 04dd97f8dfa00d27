using System.Text.Json;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Inspection;
using PaperBot.HuggingFace.Parsing;

namespace PaperBot.HuggingFace.Tests.Parsing;

/// <summary>One listing item to a paper: precedence between the item's two levels, and tolerance.</summary>
public sealed class ItemReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateOnly Requested = new(2026, 11, 26);
    private static readonly DayRule Items = new(null, DayField.DateString, null, Today);

    private static Paper Read(string json, DayRule? days = null) => ReadItem(json, days).Paper;

    private static InspectedPaper ReadItem(string json, DayRule? days = null)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(ItemReader.TryRead(document.RootElement, days ?? Items, out var paper, out var problem), problem);
        return paper;
    }

    private static string Problem(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(ItemReader.TryRead(document.RootElement, Items, out _, out var problem));
        return problem;
    }

    // The shape of a current item: the top-level publishedAt is the arXiv time a few hours back, not the listing day.
    private const string CurrentItem =
        """{"paper":{"id":"2609.01234","publishedAt":"2026-09-25T00:00:00.000Z","submittedOnDailyAt":"2026-09-28T00:00:00.000Z"},"publishedAt":"2026-09-24T20:00:00.000Z"}""";

    [Fact]
    public void TryRead_CurrentItem_DayIsSubmittedOnDailyAtNotTopLevelPublishedAt()
    {
        var item = ReadItem(CurrentItem);

        Assert.Equal(new DateOnly(2026, 9, 28), item.Paper.ListedOn);
        Assert.Equal(DayField.SubmittedOnDailyAt, item.DayFrom);
        Assert.Equal(PaperDaySource.Listing, item.Paper.ListedOnSource);
        Assert.Equal(new DateTimeOffset(2026, 9, 25, 0, 0, 0, TimeSpan.Zero), item.Paper.PublishedAt);
    }

    [Fact]
    public void TryRead_OnADayPage_ThePagesDayWinsOverTheItemsOwn()
    {
        var item = ReadItem(CurrentItem, new DayRule(new DateOnly(2026, 9, 29), DayField.DateString, Requested, Today));

        Assert.Equal(new DateOnly(2026, 9, 29), item.Paper.ListedOn);
        Assert.Equal(DayField.DateString, item.DayFrom);
    }

    [Fact]
    public void TryRead_NoSubmittedOnDailyAt_UsesTheRequestedDayBeforeTopLevelPublishedAt()
    {
        var item = ReadItem("""{"paper":{"id":"2611.00001"},"publishedAt":"2026-11-24T01:30:00+02:00"}""",
            new DayRule(null, DayField.DateString, Requested, Today));

        Assert.Equal(Requested, item.Paper.ListedOn);
        Assert.Equal(PaperDaySource.Requested, item.Paper.ListedOnSource);
    }

    [Fact]
    public void TryRead_OnlyTopLevelPublishedAt_IsAGuessAsUtcDate()
    {
        var item = ReadItem("""{"paper":{"id":"2611.00001"},"publishedAt":"2026-11-24T01:30:00+02:00"}""");

        Assert.Equal(new DateOnly(2026, 11, 23), item.Paper.ListedOn);
        Assert.Equal(PaperDaySource.ArxivTime, item.Paper.ListedOnSource);
        Assert.False(item.Paper.ListedOnSource.NamesListingDay());
    }

    [Fact]
    public void TryRead_NoDateAtAll_GuessesTheDayItWasRead()
    {
        var item = ReadItem("""{"paper":{"id":"2611.00001","publishedAt":"2026-11-02T00:00:00Z"},"publishedAt":"not a date"}""");

        Assert.Equal(Today, item.Paper.ListedOn);
        Assert.Equal(PaperDaySource.FetchDate, item.Paper.ListedOnSource);
    }

    [Fact]
    public void TryRead_FieldsPresent_AreReported()
    {
        var item = ReadItem("""
            {"paper":{"id":"2611.00001","title":"T","summary":"S","authors":[{"name":"A","user":{"user":"a"}}],"upvotes":3,
              "ai_keywords":["k"],"ai_summary":"One.","mediaUrls":["https://x/y.mp4"]},"numComments":1}
            """);

        Assert.Equal(ItemFields.Title | ItemFields.Abstract | ItemFields.Authors | ItemFields.Upvotes | ItemFields.Keywords
            | ItemFields.AiSummary | ItemFields.MediaUrls | ItemFields.Comments, item.Present);
    }

    [Fact]
    public void TryRead_NoTitle_UsesTheId() => Assert.Equal("2611.00001", Read("""{"paper":{"id":"2611.00001v3"}}""").Title);

    [Fact]
    public void TryRead_TitleWithLineBreaks_IsCollapsedToOneLine() =>
        Assert.Equal("A Long Title Split Over Lines", Read("""{"paper":{"id":"2611.00001","title":"  A Long Title\n  Split   Over\tLines "}}""").Title);

    [Fact]
    public void TryRead_IdSentAsANumber_KeepsItsDigits() =>
        Assert.Equal("2611.10010", Read("""{"paper":{"id":2611.10010}}""").ArxivId);

    [Fact]
    public void TryRead_OrganizationWithoutFullname_UsesItsName() =>
        Assert.Equal("openai", Read("""{"paper":{"id":"2611.00001","organization":{"name":"openai"}}}""").Organization);

    [Fact]
    public void TryRead_OrganizationOnlyAtTopLevel_IsUsed() =>
        Assert.Equal("OpenAI", Read("""{"paper":{"id":"2611.00001"},"organization":{"name":"openai","fullname":"OpenAI"}}""").Organization);

    [Fact]
    public void TryRead_NonHttpLinks_AreDropped()
    {
        var paper = Read("""{"paper":{"id":"2611.00001","githubRepo":"javascript:alert(1)","projectPage":"/relative"},"thumbnail":"ftp://x/y.png"}""");

        Assert.Null(paper.GithubRepo);
        Assert.Null(paper.ProjectPage);
        Assert.Null(paper.ThumbnailUrl);
    }

    [Fact]
    public void TryRead_NegativeOrFractionalCounts_AreClampedAndRounded()
    {
        var paper = Read("""{"paper":{"id":"2611.00001","upvotes":-4,"githubStars":12.6},"numComments":2.0}""");

        Assert.Equal(0, paper.Upvotes);
        Assert.Equal(13, paper.GithubStars);
        Assert.Equal(2, paper.Comments);
    }

    [Fact]
    public void TryRead_PaperFieldOfTheWrongType_IsIgnored() =>
        Assert.Equal("2611.00001", Read("""{"paper":"2611.99999","id":"2611.00001","title":"T"}""").ArxivId);

    [Theory]
    [InlineData("\"just a string\"", "not an object")]
    [InlineData("""{"paper":{"title":"No id"}}""", "has no paper.id")]
    [InlineData("""{"paper":{"id":"2611.1"}}""", "\"2611.1\" is not an arXiv id")]
    public void TryRead_ItemWithoutUsableId_SaysWhy(string json, string expected) =>
        Assert.Contains(expected, Problem(json), StringComparison.Ordinal);
}
