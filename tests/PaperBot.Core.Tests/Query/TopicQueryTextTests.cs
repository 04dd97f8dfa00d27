using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class TopicQueryTextTests
{
    [Theory]
    [InlineData("Agents   AND (\"World Model\" OR Robotics) NOT survey", "agents (\"world model\" OR robotics) -survey")]
    [InlineData("agents (\"world model\" OR robotics) -survey", "agents (\"world model\" OR robotics) -survey")]
    [InlineData("agents OR (robotics OR diffusion)", "agents OR robotics OR diffusion")]
    [InlineData("(agents world) OR diffusion", "agents world OR diffusion")]
    [InlineData("agents (world OR diffusion)", "agents (world OR diffusion)")]
    [InlineData("agents ((world) (model))", "agents world model")]
    [InlineData("NOT (survey OR chemistry) models", "-(survey OR chemistry) models")]
    [InlineData("models -(survey chemistry)", "models -(survey chemistry)")]
    [InlineData("models -(-survey)", "models survey")]
    [InlineData("“World Model”", "\"world model\"")]
    [InlineData("agents  \"world   model\"", "agents \"world model\"")]
    [InlineData("\"agents\"", "agents")]
    [InlineData("\"GPT-4 turbo\"", "\"gpt-4 turbo\"")]
    [InlineData("\"GPT-4\"", "gpt-4")]
    [InlineData("GPT-4.5", "gpt-4.5")]
    [InlineData("Qwen2.5--VL", "qwen2.5-vl")]
    [InlineData("title:Planning", "title:planning")]
    [InlineData("TITLE:\"World  Model\"", "title:\"world model\"")]
    [InlineData("Author:“Yann LeCun”", "author:\"yann lecun\"")]
    [InlineData("org:OpenAI keyword:GPT-4.5 abstract:Agents", "org:openai keyword:gpt-4.5 abstract:agents")]
    [InlineData("title:\"agents\"", "title:agents")]
    [InlineData("UPVOTES >= 50", "upvotes>=50")]
    [InlineData("upvotes>007 upvotes<=9 upvotes<10 upvotes=8", "upvotes>7 upvotes<=9 upvotes<10 upvotes=8")]
    [InlineData("HAS:Code agents NOT has:PROJECT", "has:code agents -has:project")]
    [InlineData("agents title:agents", "agents title:agents")]
    [InlineData("title:agents OR title:agents", "title:agents")]
    [InlineData("reasoning agents", "reasoning agents")]
    [InlineData("\"title: planning\"", "\"title planning\"")]
    [InlineData("c++ agents", "c agents")]
    [InlineData("Müller", "muller")]
    [InlineData("ﬁne-tuning", "fine-tuning")]
    [InlineData("agents agents", "agents")]
    [InlineData("agents OR robotics OR agents", "agents OR robotics")]
    [InlineData("(((agents)))", "agents")]
    [InlineData("or", "or")]
    [InlineData("\"OR\" \"NOT\"", "or not")]
    [InlineData("\tagents\n-survey ", "agents -survey")]
    public void Text_Query_IsNormalised(string query, string expected)
    {
        Assert.Equal(expected, TopicQuery.Parse(query).Text);
    }

    [Theory]
    [InlineData("agents (\"world model\" OR robotics) -survey")]
    [InlineData("NOT (survey OR chemistry) models")]
    [InlineData("x -(a b) OR y (c OR -d)")]
    [InlineData("GPT-4.5 \"Jürgen   Müller\" title:foo")]
    [InlineData("a OR b c OR (d -(e OR f) g)")]
    [InlineData("title:\"world model\" author:\"ana silva\" org:openai keyword:agents abstract:gpt-4")]
    [InlineData("(upvotes>=10 OR has:code) agents -has:project upvotes<500")]
    [InlineData("title-planning")]
    public void Text_ParsedAgain_GivesSameText(string query)
    {
        var text = TopicQuery.Parse(query).Text;

        Assert.Equal(text, TopicQuery.Parse(text).Text);
    }

    [Fact]
    public void Text_StoredPlainWordQueries_KeepTheirMeaning()
    {
        // Before field prefixes, "title:foo" was stored as the phrase "title-foo"; that text still means the phrase.
        var stored = TopicQuery.Parse("title-planning");

        Assert.Equal("title-planning", stored.Text);
        Assert.Equal("", SamplePapers.MatchingIds(i => stored.Matches(SamplePapers.Texts[i])));
        Assert.NotEqual(stored, TopicQuery.Parse("title:planning"));
    }

    [Fact]
    public void Equals_SameQuerySpelledDifferently_IsEqual()
    {
        var a = TopicQuery.Parse("Agents AND (“World Model” OR robotics) NOT Survey");
        var b = TopicQuery.Parse("agents (\"world model\" OR robotics) -survey");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.Text, a.ToString());
    }

    [Fact]
    public void Equals_DifferentQueries_AreNotEqual()
    {
        Assert.NotEqual(TopicQuery.Parse("agents OR robotics"), TopicQuery.Parse("agents robotics"));
        Assert.False(TopicQuery.Parse("agents").Equals(null));
    }
}
