using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class TopicQueryPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_RandomWellFormedQuery_MatchesReferenceAndRoundTrips(int seed)
    {
        var generator = new RandomQueryGenerator(seed);
        for (var i = 0; i < 1500; i++)
        {
            var generated = generator.Next(depth: 3);
            if (!TopicQuery.TryParse(generated.Text, out var query, out var error))
            {
                // Only two refusals are legitimate for a well-formed tree: too long, or nothing to look for.
                Assert.True(
                    generated.Text.Length > TopicQuery.MaxLength || (!generated.NeedsWord && error.Message.Contains("only excludes", StringComparison.Ordinal)),
                    $"{generated.Text} -> {error}");
                continue;
            }

            Assert.True(generated.NeedsWord, generated.Text);
            var expected = SamplePapers.MatchingIds(p => generated.Expected(SamplePapers.All[p]));
            Assert.Equal(expected, SamplePapers.MatchingIds(p => query.Matches(SamplePapers.Texts[p])));
            AssertRoundTrips(query);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Parse_RandomJunk_OnlyEverThrowsQueryParseException(int seed)
    {
        var generator = new RandomQueryGenerator(seed);
        for (var i = 0; i < 3000; i++)
        {
            var text = generator.NextJunk();
            if (i % 100 == 0)
            {
                text = string.Concat(Enumerable.Repeat(text + " x", 60));
            }

            // Any exception other than QueryParseException escapes and fails the test.
            if (TopicQuery.TryParse(text, out var query, out var error))
            {
                AssertRoundTrips(query);
                continue;
            }

            var parseError = Assert.Throws<QueryParseException>(() => TopicQuery.Parse(text)).Error;
            Assert.Equal(error, parseError);
            Assert.InRange(error.Column, 1, Math.Max(text.Length + 1, TopicQuery.MaxLength + 1));
        }
    }

    private static void AssertRoundTrips(TopicQuery query)
    {
        Assert.True(query.Text.Length <= TopicQuery.MaxLength, query.Text);
        var again = TopicQuery.Parse(query.Text);
        Assert.Equal(query.Text, again.Text);
        Assert.Equal(
            SamplePapers.MatchingIds(p => query.Matches(SamplePapers.Texts[p])),
            SamplePapers.MatchingIds(p => again.Matches(SamplePapers.Texts[p])));
    }
}
