using Microsoft.Extensions.Options;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Semantic;
using PaperBot.Testing.Relevance;

namespace PaperBot.Benchmarks;

/// <summary>
/// about: against the best keyword queries with the real model, on two labelled sets in one store (their union, as
/// PaperBot measures closeness against every stored paper): micro-F1 at the default closeness, the closeness each set
/// would pick, and the held-out figure (the closeness calibrated on the first set, scored on the second, which was
/// written after the method was chosen); R-precision of search about:, and the on-topic share of the five most similar
/// and the five recommended papers.
/// </summary>
internal static class RelevanceBenchmark
{
    public static async Task<int> RunAsync()
    {
        using var embedder = new MiniLmEmbedder(Options.Create(new SemanticOptions()));
        var first = await EmbedAsync(embedder, "labelled set", LabelledSet.Papers, LabelledSet.Topics);
        var second = await EmbedAsync(embedder, "held-out set", HeldOutSet.Papers, HeldOutSet.Topics);
        float[][] store = [.. first.PaperVectors, .. second.PaperVectors];
        Console.WriteLine($"store:                     the union of both sets, {store.Length} papers; each set is scored on its own (topic, paper) pairs");

        float[][] joinedStore = [.. first.JoinedVectors, .. second.JoinedVectors];
        Paper[] storePapers = [.. first.Papers, .. second.Papers];
        float calibrated = 0, calibratedBefore = 0, calibratedJoined = 0, calibratedMeaning = 0;
        foreach (var set in new[] { first, second })
        {
            var scores = set.Scores(store, storePapers, expand: true);
            var before = set.Scores(store, storePapers, expand: false);
            var meaning = set.Scores(store, storePapers, expand: true, words: false);
            var all = Enumerable.Range(0, set.Topics.Count).ToArray();
            var best = scores.BestThreshold(all);
            calibrated = set == first ? best : calibrated;
            var keyword = scores.KeywordF1();
            var about = scores.AboutF1(AboutCloseness.DefaultThreshold);
            var (similarMean, similarWorst) = scores.SimilarOnTopic();
            var (recommendMean, recommendWorst) = scores.RecommendOnTopic();
            Console.WriteLine($"{set.Name}:");
            Console.WriteLine($"  keyword micro-F1:        {keyword:F3} hand-tuned on the papers' words (baseline); {scores.KeywordF1(first: true):F3} for the first obvious queries");
            Console.WriteLine($"  about: micro-F1:         {about:F3} at the default closeness {AboutCloseness.DefaultThreshold:F2} ({about / keyword:F2}x the hand-tuned keyword queries); " +
                $"~strict ({AboutCloseness.Strict.Threshold:F2}) {scores.AboutF1(AboutCloseness.Strict.Threshold):F3}, ~broad ({AboutCloseness.Broad.Threshold:F2}) {scores.AboutF1(AboutCloseness.Broad.Threshold):F3}");
            Console.WriteLine($"  best closeness on it:    {best:F2} (F1 {scores.AboutF1(best):F3})" +
                (set == first ? "" : $"; calibrated on the labelled set ({calibrated:F2}): F1 {scores.AboutF1(calibrated):F3} (held out)"));
            var beforeBest = before.BestThreshold(all);
            calibratedBefore = set == first ? beforeBest : calibratedBefore;
            Console.WriteLine($"  without expansion:       F1 {before.AboutF1(AboutCloseness.DefaultThreshold):F3} at the default, best {beforeBest:F2} (F1 {before.AboutF1(beforeBest):F3})" +
                (set == first ? "" : $"; calibrated on the labelled set ({calibratedBefore:F2}): F1 {before.AboutF1(calibratedBefore):F3} (held out)") +
                $"; plain cosine >= 0.32: F1 {scores.CosineF1(0.32f):F3}");
            var meaningBest = meaning.BestThreshold(all);
            calibratedMeaning = set == first ? meaningBest : calibratedMeaning;
            Console.WriteLine($"  meaning alone (no words):F1 {meaning.AboutF1(AboutCloseness.DefaultThreshold):F3} at the default, best {meaningBest:F2} (F1 {meaning.AboutF1(meaningBest):F3})" +
                (set == first ? "" : $"; calibrated on the labelled set ({calibratedMeaning:F2}): F1 {meaning.AboutF1(calibratedMeaning):F3} (held out)") +
                $"; R-precision {meaning.MeanRPrecision():F3}");
            var joined = set.Joined(joinedStore, storePapers);
            var joinedBest = joined.BestThreshold(all);
            calibratedJoined = set == first ? joinedBest : calibratedJoined;
            Console.WriteLine($"  title + abstract joined: F1 {joined.AboutF1(AboutCloseness.DefaultThreshold):F3} at the default, best {joinedBest:F2} (F1 {joined.AboutF1(joinedBest):F3})" +
                (set == first ? "" : $"; calibrated on the labelled set ({calibratedJoined:F2}): F1 {joined.AboutF1(calibratedJoined):F3} (held out)") +
                $"; R-precision {joined.MeanRPrecision():F3}; similar {joined.SimilarOnTopic().Mean:F2}, worst {joined.SimilarOnTopic().Worst} (papers embedded as one text, the way before)");
            Console.WriteLine($"  search about:            R-precision {scores.MeanRPrecision():F3} (without expansion {before.MeanRPrecision():F3})");
            Console.WriteLine($"  similar:                 on topic in top 5 {similarMean:F2} of 5 on average, worst paper {similarWorst} of 5");
            Console.WriteLine($"  recommend:               for reading lists of two papers of a topic, on topic in top 5 {recommendMean:F2} of 5 on average, worst {recommendWorst} of 5");
        }

        // A store skewed towards language-model papers (compression, coding and the off-topic ones of the labelled set,
        // five times over): the background moves, and with it what the default closeness admits.
        int[] skew = [.. Enumerable.Range(40, 8), .. Enumerable.Range(64, 8), .. Enumerable.Range(80, 20)];
        float[][] skewed = [.. store, .. Enumerable.Repeat(0, 4).SelectMany(_ => skew.Select(i => first.PaperVectors[i]))];
        Paper[] skewedPapers = [.. storePapers, .. Enumerable.Repeat(0, 4).SelectMany(_ => skew.Select(i => first.Papers[i]))];
        var skewedScores = first.Scores(skewed, skewedPapers, expand: true);
        var skewedBest = skewedScores.BestThreshold(Enumerable.Range(0, first.Topics.Count));
        Console.WriteLine($"skewed store ({skewed.Length} vectors, language-model papers five times over): labelled set F1 {skewedScores.AboutF1(AboutCloseness.DefaultThreshold):F3} at the default, best {skewedBest:F2} (F1 {skewedScores.AboutF1(skewedBest):F3})");
        return 0;
    }

    private static async Task<EmbeddedSet> EmbedAsync(MiniLmEmbedder embedder, string name, IReadOnlyList<Paper> papers, IReadOnlyList<LabelledTopic> topics)
    {
        var paperVectors = await PaperEmbedder.EmbedAsync(embedder, papers, CancellationToken.None);
        var interestVectors = await embedder.EmbedAsync([.. topics.Select(t => t.Interest)], CancellationToken.None);
        var joinedVectors = await embedder.EmbedAsync([.. papers.Select(p => p.Title + ". " + p.Abstract)], CancellationToken.None);
        Console.WriteLine($"{name + ":",-26} {papers.Count} papers, {topics.Count} topics x {topics[0].Relevant.Count} on-topic papers, {papers.Count - topics.Sum(t => t.Relevant.Count)} on none");
        return new EmbeddedSet(name, papers, topics, [.. paperVectors], [.. interestVectors], [.. joinedVectors]);
    }

    private sealed record EmbeddedSet(
        string Name, IReadOnlyList<Paper> Papers, IReadOnlyList<LabelledTopic> Topics, float[][] PaperVectors, float[][] InterestVectors, float[][] JoinedVectors)
    {
        public RelevanceScores Scores(float[][] store, IReadOnlyList<Paper> storePapers, bool expand, bool words = true) =>
            new(Topics, Papers, PaperVectors, InterestVectors, store, expand, storePapers, words);

        // The way before: title and abstract embedded as one text, meaning alone.
        public RelevanceScores Joined(float[][] store, IReadOnlyList<Paper> storePapers) =>
            new(Topics, Papers, JoinedVectors, InterestVectors, store, expand: true, storePapers, words: false);
    }
}
