using Microsoft.Extensions.Options;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Semantic;
using PaperBot.Testing.Relevance;

namespace PaperBot.Benchmarks;

/// <summary>
/// about: against the best keyword queries on PaperBot's labelled set, with the real model: micro-F1 at the default
/// closeness, the closeness each half of the topics would pick (calibrated on one half, scored on the other),
/// R-precision of search about: and the on-topic share of the five most similar papers.
/// </summary>
internal static class RelevanceBenchmark
{
    public static async Task<int> RunAsync()
    {
        using var embedder = new MiniLmEmbedder(Options.Create(new SemanticOptions()));
        var papers = LabelledSet.Papers;
        var topics = LabelledSet.Topics;
        var paperVectors = await embedder.EmbedAsync([.. papers.Select(EmbeddingText.Of)], CancellationToken.None);
        var interestVectors = await embedder.EmbedAsync([.. topics.Select(t => t.Interest)], CancellationToken.None);
        var scores = new RelevanceScores(topics, [.. papers.Select(p => p.ArxivId)], paperVectors, interestVectors);

        int[] firstHalf = [0, 2, 4, 6, 8];
        int[] secondHalf = [1, 3, 5, 7, 9];
        var fromFirst = scores.BestThreshold(firstHalf);
        var fromSecond = scores.BestThreshold(secondHalf);
        var all = Enumerable.Range(0, topics.Count);
        var best = scores.BestThreshold(all);
        var keyword = scores.KeywordF1();
        var about = scores.AboutF1(AboutCloseness.DefaultThreshold);
        var (similarMean, similarWorst) = scores.SimilarOnTopic();

        Console.WriteLine($"labelled set:              {papers.Count} papers, {topics.Count} topics x {topics[0].Relevant.Count} on-topic papers, {papers.Count - topics.Sum(t => t.Relevant.Count)} on none");
        Console.WriteLine($"keyword queries micro-F1:  {keyword:F3} hand-tuned on the papers' words (baseline); {scores.KeywordF1(first: true):F3} for the first obvious ones");
        Console.WriteLine($"about: micro-F1:           {about:F3}  at the default closeness {AboutCloseness.DefaultThreshold:F2}  ({about / keyword:F2}x the hand-tuned keyword queries)");
        Console.WriteLine($"  ~strict ({AboutCloseness.Strict.Threshold:F2}) / ~broad ({AboutCloseness.Broad.Threshold:F2}): {scores.AboutF1(AboutCloseness.Strict.Threshold):F3} / {scores.AboutF1(AboutCloseness.Broad.Threshold):F3}");
        Console.WriteLine($"  best closeness on all topics {best:F2} (F1 {scores.AboutF1(best):F3}); calibrated on half A {fromFirst:F2} -> F1 on half B {scores.AboutF1(fromFirst, secondHalf):F3}; on half B {fromSecond:F2} -> F1 on half A {scores.AboutF1(fromSecond, firstHalf):F3}");
        Console.WriteLine($"  plain cosine >= 0.32 (the rule before the score was measured against the store): F1 {scores.CosineF1(0.32f):F3}");

        // A store skewed towards language-model papers (compression, coding and the off-topic ones, five times over):
        // the background moves, and with it what the default closeness admits.
        int[] skew = [.. Enumerable.Range(40, 8), .. Enumerable.Range(64, 8), .. Enumerable.Range(80, 20)];
        float[][] skewed = [.. paperVectors, .. Enumerable.Repeat(0, 4).SelectMany(_ => skew.Select(i => paperVectors[i]))];
        var skewedScores = new RelevanceScores(topics, [.. papers.Select(p => p.ArxivId)], paperVectors, interestVectors, skewed);
        var skewedBest = skewedScores.BestThreshold(all);
        Console.WriteLine($"  in a store of {skewed.Length} vectors skewed to language-model papers: F1 {skewedScores.AboutF1(AboutCloseness.DefaultThreshold):F3} at the default, best {skewedBest:F2} (F1 {skewedScores.AboutF1(skewedBest):F3})");
        Console.WriteLine($"search about: R-precision: {scores.MeanRPrecision():F3}  (mean over topics)");
        Console.WriteLine($"similar: on topic in top 5 {similarMean:F2} of 5 on average, worst paper {similarWorst} of 5");
        return 0;
    }
}
