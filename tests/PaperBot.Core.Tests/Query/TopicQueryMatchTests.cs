using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class TopicQueryMatchTests
{
    [Theory]
    // Light stemming: plurals, -ed and -ing meet their stem on both sides, derivations do not.
    [InlineData("agents", "p1 p8")]
    [InlineData("agent", "p1 p8")]
    [InlineData("agentic", "p2")]
    [InlineData("reagent", "p2 p7")]
    [InlineData("reasoning", "p2")]
    [InlineData("reason", "p2")]
    [InlineData("reasons", "p2")]
    [InlineData("model", "p1 p3 p4 p7")]
    [InlineData("models", "p1 p3 p4 p7")]
    [InlineData("transformer", "p6")]
    [InlineData("generating", "p6")]
    [InlineData("generation", "p6")]
    [InlineData("learn", "p1 p3")]
    [InlineData("skill", "p3")]
    [InlineData("evaluate", "p5")]
    [InlineData("worlds", "p1 p3 p4")]
    // Names are never stemmed: "worlds" finds prose "world" above, but no author "World"; "silvas" finds nothing.
    [InlineData("author:world", "p4")]
    [InlineData("author:worlds", "")]
    [InlineData("silvas", "")]
    // Case and accents are folded on both sides.
    [InlineData("AGENTS", "p1 p8")]
    [InlineData("muller", "p1")]
    [InlineData("Müller", "p1")]
    [InlineData("MÜLLER jürgen", "p1")]
    [InlineData("jose nunez", "p5")]
    [InlineData("\"JOSÉ NÚÑEZ\"", "p5")]
    [InlineData("café", "p8")]
    [InlineData("FRANÇOIS", "p8")]
    // Phrases: consecutive, in order, inside one field value, stemmed word by word.
    [InlineData("\"world model\"", "p1")]
    [InlineData("\"model world\"", "p3")]
    [InlineData("\"world models\"", "p1")]
    [InlineData("\"learned world model\"", "p1")]
    [InlineData("\"learning world model\"", "p1")]
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
    // Authors and keywords are searched by unprefixed words; the organization is not.
    [InlineData("silva", "p1 p2")]
    [InlineData("chemistry", "p7")]
    [InlineData("\"agentic ai\"", "p2")]
    [InlineData("multimodal", "p5")]
    [InlineData("benchmark", "p5 p8")]
    [InlineData("openai", "")]
    // Field prefixes narrow a word or phrase to one field.
    [InlineData("title:agents", "p1 p8")]
    [InlineData("TITLE:agent", "p1 p8")]
    [InlineData("title:planning", "p4")]
    [InlineData("title:\"world model\"", "p1")]
    [InlineData("title:world-models", "p1")]
    [InlineData("title:\"model world\"", "")]
    [InlineData("abstract:agents", "p1 p8")]
    [InlineData("abstract:\"model world\"", "p3")]
    [InlineData("abstract:survey", "p2")]
    [InlineData("keyword:agents", "p8")]
    [InlineData("keyword:\"world model\"", "p1")]
    [InlineData("keyword:planning", "p4")]
    [InlineData("author:silva", "p1 p2")]
    [InlineData("author:\"ana silva\"", "p1 p2")]
    [InlineData("author:\"silva ana\"", "")]
    [InlineData("author:MÜLLER", "p1")]
    [InlineData("author:\"jose nunez\"", "p5")]
    [InlineData("author:agents", "")]
    [InlineData("org:openai", "p4")]
    [InlineData("org:deepmind", "p1")]
    [InlineData("org:\"google deepmind\"", "p1")]
    [InlineData("org:\"deepmind google\"", "")]
    [InlineData("org:universite", "p8")]
    [InlineData("org:Université", "p8")]
    [InlineData("title:OR", "")]
    // Upvote comparisons (upvotes: p1 120, p2 8, p3 45, p4 0, p5 10, p6 300, p7 2, p8 11).
    [InlineData("upvotes>=100", "p1 p6")]
    [InlineData("upvotes>=120", "p1 p6")]
    [InlineData("upvotes>120", "p6")]
    [InlineData("UPVOTES > 100", "p1 p6")]
    [InlineData("upvotes=10", "p5")]
    [InlineData("upvotes>=1 upvotes<10", "p2 p7")]
    [InlineData("agents upvotes<50", "p8")]
    [InlineData("agents upvotes<=11", "p8")]
    [InlineData("agents upvotes<11", "")]
    [InlineData("agents -upvotes>=100", "p8")]
    [InlineData("upvotes>=100 OR title:survey", "p1 p2 p6")]
    // has:code (GitHub repository) and has:project (project page).
    [InlineData("agents has:code", "p1")]
    [InlineData("agents -has:code", "p8")]
    [InlineData("model has:project", "p1 p4")]
    [InlineData("model NOT has:project", "p3 p7")]
    [InlineData("world -has:code", "p4")]
    [InlineData("(title:agents OR org:openai) upvotes>=10", "p1 p8")]
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
    [InlineData("models -(survey OR chemistry)", "p1 p3 p4")]
    [InlineData("NOT (survey OR chemistry) models", "p1 p3 p4")]
    [InlineData("models -\"language models\"", "p1 p3 p4")]
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
