using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class TopicQueryErrorTests
{
    [Theory]
    [InlineData("", 1, "the query is empty - write at least one word")]
    [InlineData("   ", 1, "the query is empty")]
    [InlineData("agents \"world model", 8, "unbalanced quote - add a closing \" or remove the opening one")]
    [InlineData("\"agents", 1, "unbalanced quote")]
    [InlineData("agents OR", 8, "\"OR\" needs a word on both sides")]
    [InlineData("OR agents", 1, "\"OR\" needs a word on both sides")]
    [InlineData("agents OR OR robotics", 8, "\"OR\" needs a word on both sides")]
    [InlineData("(agents OR) robotics", 9, "\"OR\" needs a word on both sides")]
    [InlineData("agents AND", 8, "\"AND\" needs a word on both sides")]
    [InlineData("AND agents", 1, "\"AND\" needs a word on both sides")]
    [InlineData(") agents", 1, "unmatched \")\" - remove it or add a \"(\" before it")]
    [InlineData("agents)", 7, "unmatched \")\"")]
    [InlineData("(agents))", 9, "unmatched \")\"")]
    [InlineData("(agents", 1, "unclosed \"(\" - add a \")\"")]
    [InlineData("agents (robotics OR (diffusion)", 8, "unclosed \"(\"")]
    [InlineData("agents ()", 8, "empty parentheses \"()\"")]
    [InlineData("agents \"\"", 8, "empty phrase")]
    [InlineData("agents \" ?! \"", 8, "empty phrase")]
    [InlineData("agents NOT", 8, "\"NOT\" needs a word after it")]
    [InlineData("(agents NOT) robotics", 9, "\"NOT\" needs a word after it")]
    [InlineData("agents NOT OR robotics", 8, "\"NOT\" needs a word after it")]
    [InlineData("agents -", 8, "\"-\" needs a word right after it")]
    [InlineData("agents - survey", 8, "\"-\" needs a word right after it")]
    [InlineData("agents (robotics -)", 18, "\"-\" needs a word right after it")]
    [InlineData("-OR agents", 1, "\"-\" needs a word right after it")]
    [InlineData("agents --survey", 8, "\"--\" negates twice")]
    [InlineData("agents NOT -survey", 12, "double negation")]
    [InlineData("agents NOT NOT survey", 12, "double negation")]
    [InlineData("agents -NOT survey", 9, "double negation")]
    [InlineData("+++", 1, "\"+++\" has no letters or digits")]
    [InlineData("agents :", 8, "\":\" has no letters or digits")]
    [InlineData("-survey", 1, "the query only excludes or filters and would match most papers - add a word to look for")]
    [InlineData("NOT survey -agentic", 1, "the query only excludes or filters")]
    [InlineData("-(agents OR robotics)", 1, "the query only excludes or filters")]
    [InlineData("agents OR -survey", 11, "this OR alternative only excludes or filters")]
    [InlineData("-survey (-agentic OR robotics)", 10, "this OR alternative only excludes or filters")]
    // has: filters and upvote ceilings are not something to look for; an upvote floor of at least 1 is.
    [InlineData("has:code", 1, "the query only excludes or filters")]
    [InlineData("has:code -has:project", 1, "the query only excludes or filters")]
    [InlineData("upvotes<5", 1, "or an upvote threshold such as upvotes>=50")]
    [InlineData("upvotes<=100 -survey", 1, "the query only excludes or filters")]
    [InlineData("upvotes>=0", 1, "the query only excludes or filters")]
    [InlineData("upvotes=0", 1, "the query only excludes or filters")]
    [InlineData("agents OR has:code", 11, "this OR alternative only excludes or filters")]
    // Field prefixes: unknown names with the nearest field, missing operands, has: and upvotes syntax.
    [InlineData("titel:agents", 1, "unknown field \"titel:\" - did you mean \"title:\"?")]
    [InlineData("agents autor:silva", 8, "unknown field \"autor:\" - did you mean \"author:\"?")]
    [InlineData("authors:silva", 1, "did you mean \"author:\"?")]
    [InlineData("keywords:agents", 1, "did you mean \"keyword:\"?")]
    [InlineData("organization:openai", 1, "did you mean \"org:\"?")]
    [InlineData("abstarct:\"world model\"", 1, "did you mean \"abstract:\"?")]
    [InlineData("upvote:5", 1, "did you mean \"upvotes>=\"?")]
    [InlineData("hass:code", 1, "did you mean \"has:\"?")]
    [InlineData("foo:bar", 1, "unknown field \"foo:\" - the fields are title:, abstract:, author:, org:, keyword:, has:, about:\"...\" and upvotes>=N; to search for the text itself, put it in quotes: \"foo:bar\"")]
    [InlineData("agents (title: agents)", 9, "\"title:\" needs a word or \"phrase\" right after it, with no space, e.g. title:agents")]
    [InlineData("author:", 1, "\"author:\" needs a word or \"phrase\" right after it")]
    [InlineData("title:(agents OR robots)", 1, "\"title:\" takes one word or \"phrase\", not a group - write title:agents OR title:robotics")]
    [InlineData("title:+++", 7, "\"+++\" has no letters or digits")]
    [InlineData("title:\"\"", 7, "empty phrase")]
    [InlineData("org:\"openai", 5, "unbalanced quote")]
    [InlineData("agents has:github", 8, "has: takes code or project, e.g. has:code")]
    [InlineData("agents has:", 8, "has: takes code or project")]
    [InlineData("agents upvotes>=", 8, "upvotes needs a number: upvotes>=10")]
    [InlineData("agents upvotes>=ten", 8, "upvotes needs a number: upvotes>=10")]
    [InlineData("agents upvotes>=10k", 8, "upvotes needs a number")]
    [InlineData("agents upvotes>=-5", 8, "upvotes needs a number")]
    [InlineData("agents upvotes>=99999999999", 8, "upvotes needs a number")]
    [InlineData("agents upvotes==10", 8, "upvotes needs a comparison and a number: upvotes>=10 (or >, <=, <, =)")]
    [InlineData("agents upvotes=>10", 8, "upvotes needs a comparison")]
    [InlineData("agents upvotes:10", 8, "upvotes needs a comparison")]
    [InlineData("-has:code", 1, "the query only excludes or filters")]
    // The first problem from the left wins, even when a later one is found by the lexer.
    [InlineData(") \"agents", 1, "unmatched \")\"")]
    [InlineData("agents OR \"robotics", 11, "unbalanced quote")]
    public void Parse_MalformedQuery_ThrowsWithColumnAndFix(string query, int column, string messageFragment)
    {
        var exception = Assert.Throws<QueryParseException>(() => TopicQuery.Parse(query));

        Assert.Equal(column, exception.Error.Column);
        Assert.Contains(messageFragment, exception.Error.Message, StringComparison.Ordinal);
        Assert.Equal($"column {column}: {exception.Error.Message}", exception.Message);
    }

    [Fact]
    public void Parse_QueryOver500Characters_RefusesWithLength()
    {
        var query = string.Join(' ', Enumerable.Repeat("agents", 88)); // 615 characters

        var exception = Assert.Throws<QueryParseException>(() => TopicQuery.Parse(query));

        Assert.Equal("column 501: the query is 615 characters long; the limit is 500 - shorten it", exception.Error.ToString());
    }

    [Fact]
    public void Parse_Exactly500Characters_IsAccepted()
    {
        var query = "agents " + new string('x', 493);

        Assert.Equal(500, TopicQuery.Parse(query).Text.Length);
    }

    [Fact]
    public void Parse_NormalisedTextOver500Characters_Refuses()
    {
        // U+FDFA folds to an 18-character phrase, so the normalised text would not parse again.
        var query = "agents " + new string('\uFDFA', 40);

        var exception = Assert.Throws<QueryParseException>(() => TopicQuery.Parse(query));

        Assert.Contains("the limit is 500", exception.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsEmptyQueryError()
    {
        Assert.False(TopicQuery.TryParse(null, out var query, out var error));
        Assert.Null(query);
        Assert.Equal("column 1: the query is empty - write at least one word, e.g. agents", error.ToString());
    }

    [Fact]
    public void TryParse_DanglingOr_ReturnsErrorWithoutThrowing()
    {
        Assert.False(TopicQuery.TryParse("agents OR", out _, out var error));
        Assert.Equal(new QueryError(8, "\"OR\" needs a word on both sides, e.g. agents OR robotics"), error);
    }

    [Fact]
    public void TryParse_ValidQuery_ReturnsQuery()
    {
        Assert.True(TopicQuery.TryParse("agents -survey", out var query, out var error));
        Assert.Null(error);
        Assert.Equal("agents -survey", query.Text);
    }

    [Fact]
    public void QueryParseException_IsFormatException_CarriesError()
    {
        FormatException exception = Assert.Throws<QueryParseException>(() => TopicQuery.Parse("("));

        Assert.Equal(1, ((QueryParseException)exception).Error.Column);
    }
}
