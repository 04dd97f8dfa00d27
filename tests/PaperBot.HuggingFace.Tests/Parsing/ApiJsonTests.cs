using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Parsing;

/// <summary>JSON bodies: the API's array, a saved props object, and what is not a listing.</summary>
public sealed class ApiJsonTests
{
    private readonly ParserHarness _harness = new();

    [Fact]
    public void Parse_ApiResponse_ReadsEveryPaper()
    {
        var listing = _harness.ParseListed(ListingFixtures.Read(ListingFixtures.Api));

        Assert.Equal(7, listing.Papers.Count);
        Assert.Equal(ListingFixtures.Day, listing.Day);
        var paper = Assert.Single(listing.Papers, p => p.ArxivId == "2611.18342");
        Assert.Equal(["Élodie Marchand", "Kenji Watanabe", "王小明", "Priya Raghunathan", "Jonas Müller"], paper.Authors);
        Assert.Equal(142, paper.Upvotes);
        Assert.Contains("\n\nOn GSM8K and MATH", paper.Abstract, StringComparison.Ordinal);
        Assert.StartsWith("Reward models latch onto", Assert.Single(listing.Papers, p => p.ArxivId == "2611.15678").Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ApiPapersOfSeveralDays_NamesNoDay()
    {
        const string Json = """
            [{"paper":{"id":"2611.00001","title":"A"},"publishedAt":"2026-11-24T02:00:00Z"},
             {"paper":{"id":"2611.00002","title":"B"},"publishedAt":"2026-11-23T02:00:00Z"}]
            """;

        var listing = _harness.ParseListed(Json);

        Assert.Null(listing.Day);
        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 23)], listing.Papers.Select(p => p.ListedOn));
    }

    [Fact]
    public void Parse_EmptyArrayForARequestedDay_IsAnEmptyListing()
    {
        var listing = _harness.ParseListed("[]", requestedDay: new DateOnly(2026, 11, 22));

        Assert.Empty(listing.Papers);
        Assert.Equal(new DateOnly(2026, 11, 22), listing.Day);
    }

    [Fact]
    public void Parse_EmptyArrayForTheLatestDay_ReportsLayoutChanged() =>
        Assert.Contains("empty list", _harness.ParseLayoutChanged("[]").Reason, StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"error":"Invalid date"}""", "saying \"Invalid date\"")]
    [InlineData("""{"papers":[]}""", "JSON object, not the list of papers")]
    [InlineData("""[1, "two", {"title": "no id"}]""", "3 items but none has a paper with an arXiv id")]
    [InlineData("""[{"paper": {"id": "2611.00001"}""", "not valid JSON")]
    public void Parse_JsonThatIsNotAListOfPapers_ReportsLayoutChanged(string json, string expected)
    {
        var changed = _harness.ParseLayoutChanged(json);

        Assert.Contains(expected, changed.Reason, StringComparison.Ordinal);
        Assert.Contains("PaperBot changed nothing", changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SavedPropsObject_ReadsLikeThePage()
    {
        var listing = _harness.ParseListed("""{"dailyPapers":[{"paper":{"id":"2611.00003v4","title":"C"}}],"dateString":"2026-11-21"}""");

        Assert.Equal(new DateOnly(2026, 11, 21), listing.Day);
        Assert.Equal("2611.00003", Assert.Single(listing.Papers).ArxivId);
        Assert.Equal(new DateOnly(2026, 11, 21), listing.Papers[0].ListedOn);
    }
}
