using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Core.Tests.Query;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Search;

public sealed class SentenceWordsTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void ContentStems_Interest_KeepsTheTopicWordsStemmedAndDropsTheFiller()
    {
        var stems = SentenceWords.ContentStems("Making large language models smaller by storing their weights in fewer bits");

        // "making", "by", "their" and "in" say nothing about a topic; the rest are stemmed as the search index stems.
        Assert.Equal(new[] { "large", "language", "models", "smaller", "storing", "weights", "fewer", "bits" }.Select(EnglishStemmer.Stem), stems);
        Assert.Contains("bit", stems);
    }

    [Fact]
    public void From_RareAndCommonWords_TheRareOneWeighsMoreAndEvidenceIsStandardised()
    {
        var words = SentenceWords.From(["bit", "model"], [5, 150], 200);

        Assert.True(words.Weights[0] > 3 * words.Weights[1], $"weights {words.Weights[0]:F2} {words.Weights[1]:F2}");
        Assert.Equal(1f, words.Weights.Sum(), 4);
        Assert.True(words.Evidence(words.Weights[0]) > 2, $"the rare word alone: {words.Evidence(words.Weights[0]):F2}");
        Assert.True(words.Evidence(words.Weights[1]) < 1, $"the common word alone: {words.Evidence(words.Weights[1]):F2}");
        Assert.True(words.Evidence(0) < 0);
    }

    [Fact]
    public void From_StoreTooSmallOrNoContentWords_NoEvidence()
    {
        Assert.Same(SentenceWords.None, SentenceWords.From(["bit"], [5], SentenceScore.MinBackground - 1));
        Assert.Same(SentenceWords.None, SentenceWords.From([], [], 500));
        Assert.Equal(0f, SentenceWords.None.Evidence(1));
    }

    [Fact]
    public void WeighWordsAndWordShares_OnTheIndex_SameAsMeasuredOnThePapersTexts()
    {
        var generator = new RandomQueryGenerator(7);
        IReadOnlyList<Paper> papers = [.. SamplePapers.All, .. Enumerable.Range(0, 150).Select(generator.NextPaper)];
        _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        var index = _bot.Get<PaperSearchIndex>();
        var stored = _bot.Store.ListedSince(DateOnly.MinValue);
        var texts = stored.Select(PaperText.From).ToList();
        const string Sentence = "agents that plan inside learned world models";

        var onIndex = index.WeighWords(Sentence);
        var onTexts = SentenceWords.Measure(Sentence, texts);
        var shares = index.WordShares(onIndex, [.. stored.Select(p => p.ArxivId)]);

        Assert.Equal(onTexts.Stems, onIndex.Stems);
        Assert.Equal(onTexts.Weights, onIndex.Weights);
        Assert.Equal(onTexts.Mean, onIndex.Mean, 5);
        Assert.Equal(onTexts.Spread, onIndex.Spread, 5);
        Assert.Equal(texts.Select(onTexts.Share), shares);
        Assert.Contains(shares, s => s > 0);
        Assert.Equal([0f], index.WordShares(onIndex, ["9999.99999"]));
    }

    [Fact]
    public void Score_SameCloseness_ThePaperWithTheSentencesRareWordScoresHigher()
    {
        var words = SentenceWords.From(["bit", "model"], [5, 150], 200);
        var score = new SentenceScore([1, 0], 0.1f, 0.2f, words);
        var holding = PaperText.From(TestPapers.Make("2611.00001", "Two-bit weights", abstractText: "Rounding to two bits."));
        var without = PaperText.From(TestPapers.Make("2611.00002", "Smaller weights", abstractText: "Rounding to fewer levels."));
        float[] vector = [0.42f, 0.9075f];

        Assert.True(score.Of(vector, holding) > score.Of(vector, without));
        Assert.Equal(score.Standardise(0.42f) + (SentenceScore.WordWeight * words.Evidence(words.Weights[0])), score.Of(vector, holding), 4);
        Assert.True(score.MostWordEvidence >= score.Of(vector, holding) - score.Standardise(0.42f));
    }
}
