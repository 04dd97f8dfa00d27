using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Core.Tests.Query;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Search;

/// <summary>
/// Among (search about: with word conditions) keeps the candidates' order and matches exactly as evaluating the whole
/// query on each candidate's text and vector does. Vectors are hand-made here: relevance is the Semantic tests' job.
/// </summary>
public sealed class PaperSearchIndexAmongTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void Among_RandomQueriesWithAbout_SameAsMatchingEachCandidate(int seed)
    {
        var generator = new RandomQueryGenerator(seed);
        IReadOnlyList<Paper> papers = [.. SamplePapers.All, .. Enumerable.Range(0, 150).Select(generator.NextPaper)];
        _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        var index = _bot.Get<PaperSearchIndex>();
        var random = new Random(seed);
        var stored = _bot.Store.ListedSince(DateOnly.MinValue);
        var candidates = stored.OrderBy(_ => random.Next()).Select(p => (p.ArxivId, Vector: UnitVector(random))).ToList();
        // The sentence's words are weighed on the index, as PaperVectors does: matching by text (PaperText) and on
        // the postings (Among) must give each paper the same share of them.
        var score = new SentenceScore([1, 0], 0.1f, 0.2f, index.WeighWords("agents planning in learned worlds"));
        Assert.NotEmpty(score.Words.Stems);

        var compared = 0;
        var nonEmpty = 0;
        for (var i = 0; i < 200; i++)
        {
            var words = generator.Next(depth: 3).Text;
            var text = i % 2 == 0 ? $"about:\"robots\" {words}" : $"about:\"robots\"~2.5 OR ({words})";
            if (!TopicQuery.TryParse(text, out var query, out _))
            {
                continue;
            }

            query.Bind("robots", score);
            var byId = stored.ToDictionary(p => p.ArxivId);
            var expected = candidates.Where(c => query.Matches(PaperText.From(byId[c.ArxivId], c.Vector))).Select(c => c.ArxivId).ToList();
            Assert.Equal(expected, index.Among(query, candidates));
            compared++;
            nonEmpty += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(compared > 100, $"only {compared} queries parsed");
        Assert.True(nonEmpty > 20, $"only {nonEmpty} queries matched anything");
    }

    [Fact]
    public void Among_PaperTextChangedAndPhrase_CheckedOnTheStoredText()
    {
        var first = TestPapers.Make("2611.00001", "Robots that grasp", abstractText: "We grasp cups.");
        var second = TestPapers.Make("2611.00002", "Grasp robots", abstractText: "Cups are grasped.");
        _bot.Store.RecordPoll([first, second], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        var index = _bot.Get<PaperSearchIndex>();
        index.EnsureBuilt();
        _bot.Store.RecordPoll([first with { Title = "Survey of robots" }], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        index.Refresh(["2611.00001"]);
        List<(string, float[])> candidates = [("2611.00001", [1, 0]), ("2611.00002", [1, 0])];

        var query = TopicQuery.Parse("about:\"robots\" -survey");
        query.Bind("robots", new SentenceScore([1, 0], 0.1f, 0.2f, SentenceWords.None));
        Assert.Equal(["2611.00002"], index.Among(query, candidates));

        var phrase = TopicQuery.Parse("about:\"robots\" \"robots that\"");
        phrase.Bind("robots", new SentenceScore([1, 0], 0.1f, 0.2f, SentenceWords.None));
        Assert.Empty(index.Among(phrase, candidates));
    }

    private static float[] UnitVector(Random random)
    {
        var angle = random.NextDouble() * Math.PI;
        return [(float)Math.Cos(angle), (float)Math.Sin(angle)];
    }
}
