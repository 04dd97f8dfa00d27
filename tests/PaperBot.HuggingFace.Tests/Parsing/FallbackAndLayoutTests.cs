using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Parsing;

/// <summary>Pages without usable data-props: the visible cards, or a loud layout change.</summary>
public sealed class FallbackAndLayoutTests
{
    private readonly ParserHarness _harness = new();

    [Fact]
    public void Parse_CardsOnlyPage_ReadsTheCardsAndWarnsAbstractsAreMissing()
    {
        var listing = _harness.ParseListed(ListingFixtures.Read(ListingFixtures.CardsOnly));

        Assert.Equal(7, listing.Papers.Count);
        Assert.Equal(ListingFixtures.Day, listing.Day);
        Assert.All(listing.Papers, p => Assert.Equal("", p.Abstract));
        Assert.All(listing.Papers, p => Assert.Equal(ListingFixtures.Day, p.ListedOn));
        Assert.Contains(_harness.Logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("abstracts", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CardsOnlyPage_ReadsTitleIdUpvotesCommentsAndThumbnail()
    {
        var listing = _harness.ParseListed(ListingFixtures.Read(ListingFixtures.CardsOnly));

        var paper = Assert.Single(listing.Papers, p => p.ArxivId == "2611.18342");
        Assert.Equal("Attention Isn't All You Need: <Think> Tokens & \"Quiet\" Reasoning in Small LMs", paper.Title);
        Assert.Equal(142, paper.Upvotes);
        Assert.Equal(9, paper.Comments);
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.18342.png", paper.ThumbnailUrl);
        var bare = Assert.Single(listing.Papers, p => p.ArxivId == "2611.20001");
        Assert.Equal("Diffusion Policies with Test-Time Search", bare.Title);
        Assert.Equal(0, bare.Upvotes);
        Assert.DoesNotContain(listing.Papers, p => p.Title.StartsWith("Collection", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PageWithNeitherPropsNorCards_ReportsLayoutChanged()
    {
        var changed = _harness.ParseLayoutChanged(ListingFixtures.Read(ListingFixtures.LayoutChanged));

        Assert.Contains("no data-target=DailyPapers element and no paper cards", changed.Reason, StringComparison.Ordinal);
        Assert.Contains("the page layout probably changed; PaperBot changed nothing", changed.Reason, StringComparison.Ordinal);
        Assert.Contains("test-source", changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PropsWithEmptyDailyPapers_ReportsLayoutChangedNotAnEmptyDay()
    {
        var changed = _harness.ParseLayoutChanged(Page("{&quot;dailyPapers&quot;:[],&quot;dateString&quot;:&quot;2026-11-24&quot;}"), ListingFixtures.Day);

        Assert.Contains("holds no papers", changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ElementWithoutDataProps_ReportsLayoutChanged() =>
        Assert.Contains("has no data-props", _harness.ParseLayoutChanged(Page(props: null)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Parse_PropsThatAreNotJson_ReportLayoutChanged() =>
        Assert.Contains("is not valid JSON", _harness.ParseLayoutChanged(Page("{dailyPapers: oops")).Reason, StringComparison.Ordinal);

    [Fact]
    public void Parse_PropsWhoseItemsHaveNoIds_ReportLayoutChanged()
    {
        var changed = _harness.ParseLayoutChanged(Page("{&quot;dailyPapers&quot;:[{&quot;title&quot;:&quot;x&quot;},{&quot;paper&quot;:{&quot;id&quot;:&quot;nope&quot;}}]}"));

        Assert.Contains("lists 2 items but none has an arXiv id", changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnparseablePropsButCards_FallsBackToCardsOnTheRequestedDay()
    {
        var html = Page("not json").Replace("</body>", Card("2611.00042v2", "A Card &amp; Its Title", 5) + "</body>", StringComparison.Ordinal);

        var listing = _harness.ParseListed(html, requestedDay: new DateOnly(2026, 11, 20));

        var paper = Assert.Single(listing.Papers);
        Assert.Equal("2611.00042", paper.ArxivId);
        Assert.Equal("A Card & Its Title", paper.Title);
        Assert.Equal(5, paper.Upvotes);
        Assert.Equal(new DateOnly(2026, 11, 20), paper.ListedOn);
    }

    [Fact]
    public void Parse_CardsWithoutAnyDay_ListThemOnToday()
    {
        var listing = _harness.ParseListed("<html><body>" + Card("2611.00042", "T", 1) + "</body></html>");

        Assert.Null(listing.Day);
        Assert.Equal(ParserHarness.Today, Assert.Single(listing.Papers).ListedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Service temporarily unavailable")]
    public void Parse_BodyThatIsNeitherHtmlNorJson_ReportsLayoutChanged(string body) =>
        Assert.Contains("neither an HTML page nor JSON", _harness.ParseLayoutChanged(body).Reason, StringComparison.Ordinal);

    [Fact]
    public void Parse_MaintenancePage_ReportsLayoutChanged() =>
        _harness.ParseLayoutChanged("<!doctype html><html><body><h1>We'll be right back</h1><article><p>Maintenance</p></article></body></html>");

    private static string Page(string? props) =>
        "<!doctype html><html><body><main><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\""
        + (props is null ? "" : $" data-props=\"{props}\"")
        + "></div></main></body></html>";

    private static string Card(string id, string titleHtml, int upvotes) =>
        $"<article><div><label><div class=\"leading-none\">{upvotes}</div></label></div><h3><a href=\"/papers/{id}\">{titleHtml}</a></h3></article>";
}
