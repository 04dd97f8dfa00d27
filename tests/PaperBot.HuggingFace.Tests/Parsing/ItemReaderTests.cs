using System.Text.Json;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Parsing;

namespace PaperBot.HuggingFace.Tests.Parsing;

/// <summary>One listing item to a paper: precedence between the item's two levels, and tolerance.</summary>
public sealed class ItemReaderTests
{
    private static readonly DateOnly Fallback = new(2026, 11, 20);

    private static Paper Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(ItemReader.TryRead(document.RootElement, Fallback, out var paper, out var problem), problem);
        return paper;
    }

    private static string Problem(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(ItemReader.TryRead(document.RootElement, Fallback, out _, out var problem));
        return problem;
    }

    [Fact]
    public void TryRead_TopLevelPublishedAt_GivesListedOnAsUtcDate() =>
        Assert.Equal(new DateOnly(2026, 11, 23), Read("""{"paper":{"id":"2611.00001","submittedOnDailyAt":"2026-11-25T00:00:00Z"},"publishedAt":"2026-11-24T01:30:00+02:00"}""").ListedOn);

    [Fact]
    public void TryRead_NoTopLevelPublishedAt_UsesSubmittedOnDailyAt() =>
        Assert.Equal(new DateOnly(2026, 11, 25), Read("""{"paper":{"id":"2611.00001","submittedOnDailyAt":"2026-11-25T08:00:00.000Z"}}""").ListedOn);

    [Fact]
    public void TryRead_NoDateAtAll_UsesTheListingsDay() =>
        Assert.Equal(Fallback, Read("""{"paper":{"id":"2611.00001"},"publishedAt":"not a date"}""").ListedOn);

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
