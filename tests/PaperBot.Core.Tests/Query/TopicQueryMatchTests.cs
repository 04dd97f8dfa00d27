using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class TopicQueryMatchTests
{
    [Theory]
    // Whole words only: no stemming, so agent/agentic/reagent are different words.
    [InlineData("agents", "p1 p8")]
    [InlineData("agent", "")]
    [InlineData("agentic", "p2")]
    [InlineData("reagent", "p2 p7")]
    // Case and accents are folded on both sides.
    [InlineData("AGENTS", "p1 p8")]
    [InlineData("muller", "p1")]
    [InlineData("Müller", "p1")]
    [InlineData("MÜLLER jürgen", "p1")]
    [InlineData("jose nunez", "p5")]
    [InlineData("\"JOSÉ NÚÑEZ\"", "p5")]
    [InlineData("café", "p8")]
    [InlineData("FRANÇOIS", "p8")]
    // Phrases: consecutive, in order, inside one field value.
    [InlineData("\"world model\"", "p1")]
    [InlineData("\"model world\"", "p3")]
    [InlineData("\"world models\"", "p1")]
    [InlineData("world model", "p1 p3 p4")]
    [InlineData("\"nunez jose\"", "")]
    [InlineData("\"li ana\"", "")]
    [InlineData("\"ana silva\"", "p1 p2")]
    [InlineData("“world model”", "p1")]
    // Hyphens and dots join words into a phrase; "gpt-4" is not "gpt-4o" and not "gpt4".
    [InlineData("world-model", "p1")]
    [InlineData("gpt-4", "p1")]
    [InlineData("GPT-4o", "p5")]
    [InlineData("gpt4", "p5")]
    [InlineData("3d", "p1 p5")]
    [InlineData("model-based", "p4")]
    [InlineData("o'neil", "p3")]
    [InlineData("title:planning", "")]
    // Authors and keywords are searched too.
    [InlineData("silva", "p1 p2")]
    [InlineData("chemistry", "p7")]
    [InlineData("\"agentic ai\"", "p2")]
    [InlineData("multimodal", "p5")]
    [InlineData("benchmark", "p5 p8")]
    // OR, AND, NOT and their precedence: NOT > AND > OR.
    [InlineData("robotics OR diffusion", "p3 p6")]
    [InlineData("agents OR survey", "p1 p2 p8")]
    [InlineData("agents AND world", "p1")]
    [InlineData("agents -survey", "p1 p8")]
    [InlineData("agentic -survey", "")]
    [InlineData("agentic NOT survey", "")]
    [InlineData("silva -agentic", "p1")]
    [InlineData("agents world OR diffusion", "p1 p6")]
    [InlineData("diffusion OR agents world", "p1 p6")]
    [InlineData("agents (world OR diffusion)", "p1")]
    [InlineData("-survey agents OR diffusion", "p1 p6 p8")]
    [InlineData("models -(survey OR chemistry)", "p1 p3")]
    [InlineData("NOT (survey OR chemistry) models", "p1 p3")]
    [InlineData("models -\"language models\"", "p1 p3")]
    [InlineData("planning -world", "")]
    [InlineData("((agents))", "p1 p8")]
    [InlineData("silva -(-agentic)", "p2")]
    // Lower-case "or"/"not" are plain words: "video or images" appears only in p6.
    [InlineData("diffusion or robotics", "")]
    [InlineData("video or images", "p6")]
    [InlineData("diffusion not", "")]
    [InlineData("\"OR\" diffusion", "p6")]
    public void Matches_SamplePapers_MatchExpectedIds(string query, string expectedIds)
    {
        var parsed = TopicQuery.Parse(query);

        Assert.Equal(expectedIds, SamplePapers.MatchingIds(i => parsed.Matches(SamplePapers.Texts[i])));
        Assert.Equal(expectedIds, SamplePapers.MatchingIds(i => parsed.Matches(SamplePapers.All[i])));
    }

    [Fact]
    public void Matches_PhraseSplitAcrossTitleAndAbstract_DoesNotMatch()
    {
        // p4's title ends with "World" and its abstract starts with "Model"; its authors are "Anna World", "Model Smith".
        var paper = PaperText.From(SamplePapers.All[3]);

        Assert.True(TopicQuery.Parse("world model").Matches(paper));
        Assert.False(TopicQuery.Parse("\"world model\"").Matches(paper));
    }

    [Fact]
    public void Matches_SamePaperTextManyTimes_AllocatesNothing()
    {
        var query = TopicQuery.Parse("agents (\"world model\" OR gpt-4 OR robotics) -survey");
        var texts = SamplePapers.Texts;
        var matched = 0;
        for (var warmUp = 0; warmUp < 200; warmUp++)
        {
            matched += texts.Count(query.Matches);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 1000; round++)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                matched += query.Matches(texts[i]) ? 1 : 0;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(matched > 0);
    }
}
