using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Core.Tests.Query;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Search;

/// <summary>The search index ranks exactly as evaluating the query on every stored paper does.</summary>
public sealed class PaperSearchIndexTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void Search_RandomQueries_SameRankingAsEvaluatingEveryPaper(int seed)
    {
        var generator = new RandomQueryGenerator(seed);
        IReadOnlyList<Paper> papers = [.. SamplePapers.All, .. Enumerable.Range(0, 150).Select(generator.NextPaper)];
        Record(papers);
        var index = _bot.Get<PaperSearchIndex>();
        var stored = _bot.Store.ListedSince(DateOnly.MinValue);

        var compared = 0;
        var nonEmpty = 0;
        for (var i = 0; i < 300; i++)
        {
            if (!TopicQuery.TryParse(generator.Next(depth: 3).Text, out var query, out _))
            {
                continue;
            }

            var expected = Naive(query, stored);
            Assert.Equal(expected, index.Search(query));
            compared++;
            nonEmpty += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(compared > 150, $"only {compared} queries parsed");
        Assert.True(nonEmpty > 20, $"only {nonEmpty} queries matched anything");
    }

    [Fact]
    public void Search_PollChangesUpvotesAndText_RankingFollowsTheStore()
    {
        var first = TestPapers.Make("2611.00001", "Agents that plan", upvotes: 5);
        var second = TestPapers.Make("2611.00002", "Robots", upvotes: 9);
        Record([first, second]);
        var index = _bot.Get<PaperSearchIndex>();
        var agents = TopicQuery.Parse("agents");
        Assert.Equal(["2611.00001"], index.Search(agents));

        // The second paper's title now names agents, with more upvotes: found, and first.
        Record([first, second with { Title = "Agents that walk", Abstract = "We study walking." }]);
        index.Refresh(["2611.00001", "2611.00002"]);
        Assert.Equal(["2611.00002", "2611.00001"], index.Search(agents));

        // And its old words no longer find it.
        Assert.Empty(index.Search(TopicQuery.Parse("robots")));
        var third = TestPapers.Make("2611.00003", "Agents everywhere", upvotes: 50);
        Record([third]);
        index.Refresh(["2611.00003"]);
        Assert.Equal(["2611.00003", "2611.00002", "2611.00001"], index.Search(agents));
    }

    private void Record(IReadOnlyList<Paper> papers) =>
        _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));

    private static List<string> Naive(TopicQuery query, IReadOnlyList<Paper> papers) =>
    [
        .. papers.Select(p => (Paper: p, Relevance: SearchRanking.Relevance(query, p)))
            .Where(r => r.Relevance > 0)
            .OrderByDescending(r => r.Relevance)
            .ThenByDescending(r => r.Paper.Upvotes)
            .ThenByDescending(r => r.Paper.ListedOn)
            .ThenBy(r => r.Paper.ArxivId, StringComparer.Ordinal)
            .Select(r => r.Paper.ArxivId),
    ];
}
