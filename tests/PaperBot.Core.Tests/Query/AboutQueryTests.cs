using PaperBot.Core.Query;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Query;

/// <summary>The about:"..." condition as text: parsing, errors, canonical form. Matching by meaning is tested on the real model in PaperBot.Semantic.Tests.</summary>
public sealed class AboutQueryTests
{
    [Theory]
    [InlineData("about:\"robots that  learn from video\"", "about:\"robots that learn from video\"")]
    [InlineData("ABOUT:\u201Crobots grasping\u201D -survey upvotes>=5", "about:\"robots grasping\" -survey upvotes>=5")]
    [InlineData("about:\"protein design\"~strict", "about:\"protein design\"~strict")]
    [InlineData("about:\"protein design\"~BROAD OR enzymes", "about:\"protein design\"~broad OR enzymes")]
    [InlineData("about:\"protein design\"~2.50", "about:\"protein design\"~2.5")]
    [InlineData("about:\"protein design\"~0.75", "about:\"protein design\"~0.75")]
    [InlineData("agents -about:\"web browsing\"", "agents -(about:\"web browsing\")")]
    public void Parse_About_RendersCanonicallyAndParsesBackEqual(string text, string canonical)
    {
        var query = TopicQuery.Parse(text);

        Assert.Equal(canonical, query.Text);
        Assert.True(query.HasAbout);
        Assert.Equal(query, TopicQuery.Parse(query.Text));
    }

    [Theory]
    [InlineData("about:\"\"", 1, "about:\"\" is empty - describe the topic in a sentence")]
    [InlineData("agents about:\"   \"", 8, "about:\"\" is empty")]
    [InlineData("about:\"robots grasping", 7, "unbalanced quote - add a closing \"")]
    [InlineData("about:robots", 1, "about: needs a sentence in quotes right after it")]
    [InlineData("agents about: \"robots\"", 8, "about: needs a sentence in quotes")]
    [InlineData("about:\"robots\"~loose", 15, "write ~strict, ~broad or a closeness from ~0 to ~6.0")]
    [InlineData("about:\"robots\"~7", 15, "write ~strict, ~broad or a closeness")]
    [InlineData("about:\"robots\"~-1", 15, "write ~strict, ~broad or a closeness")]
    [InlineData("abuot:\"robots\"", 1, "did you mean \"about:\"?")]
    public void Parse_BadAbout_SaysWhereAndHowToFixIt(string text, int column, string message)
    {
        Assert.False(TopicQuery.TryParse(text, out _, out var error));

        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SentenceOverTheLimit_IsRefusedWithItsLength()
    {
        var text = "about:\"" + new string('a', 495) + "\"";

        Assert.False(TopicQuery.TryParse(text, out _, out var error));

        Assert.Contains("the limit is 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AboutAlone_IsAPositiveQuery()
    {
        var query = TopicQuery.Parse("about:\"graph neural networks for weather\"");

        Assert.Equal(["graph neural networks for weather"], query.AboutSentences);
        Assert.Equal(AboutCloseness.DefaultThreshold, query.FirstAboutCloseness!.Threshold);
        Assert.False(query.IsBound);
    }

    [Fact]
    public void Matches_Unbound_ThrowsInsteadOfSilentlyMatchingNothing()
    {
        var query = TopicQuery.Parse("about:\"weather\"");

        Assert.Throws<InvalidOperationException>(() => query.Matches(TestPapers.Make("2611.00001", "Weather")));
    }

    [Fact]
    public void Matches_BoundSentence_ComparesTheStandardisedClosenessAgainstTheThreshold()
    {
        var strict = TopicQuery.Parse("about:\"weather\"~3");
        var broad = TopicQuery.Parse("about:\"weather\"~2");

        // Closeness 0.6 against a typical 0.1 with a spread of 0.2: 2.5 standard deviations above typical.
        var score = new Semantic.SentenceScore([1, 0], 0.1f, 0.2f, Semantic.SentenceWords.None);
        strict.Bind("weather", score);
        broad.Bind("weather", score);
        var paper = TestPapers.Make("2611.00001", "Forecasts");
        var vector = new[] { 0.6f, 0.8f };

        Assert.False(strict.Matches(PaperText.From(paper, vector)));
        Assert.True(broad.Matches(PaperText.From(paper, vector)));
        Assert.False(broad.Matches(PaperText.From(paper, null)));
    }
}
