using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;

namespace PaperBot.Testing.Relevance;

/// <summary>
/// Relevance figures on a labelled set (<see cref="LabelledSet"/>, <see cref="HeldOutSet"/>) from vectors the caller
/// computed with the real model: micro-F1 of about: at a closeness, mean R-precision of the ranking, on-topic share of
/// the five nearest papers and of the five recommended for a reading list. about: scores and ranks papers as PaperBot
/// does (<see cref="SentenceScore"/>, expanded and measured against <paramref name="background"/>: the vectors of every
/// paper in the store, by default the papers scored, whose texts <paramref name="backgroundPapers"/> weigh the sentence's
/// words; <paramref name="expand"/> false: the sentence as written; <paramref name="words"/> false: meaning alone). Only
/// pairs of the topics and <paramref name="papers"/> are counted.
/// </summary>
public sealed class RelevanceScores(
    IReadOnlyList<LabelledTopic> topics, IReadOnlyList<Paper> papers, float[][] paperVectors, float[][] interestVectors,
    float[][]? background = null, bool expand = true, IReadOnlyList<Paper>? backgroundPapers = null, bool words = true)
{
    private readonly PaperText[] _texts = [.. papers.Select(PaperText.From)];
    private readonly SentenceScore[] _interests = Measure(topics, interestVectors, background ?? paperVectors, backgroundPapers ?? papers, expand, words);
    private readonly string[] _paperIds = [.. papers.Select(p => p.ArxivId)];

    private static SentenceScore[] Measure(
        IReadOnlyList<LabelledTopic> topics, float[][] interestVectors, float[][] background, IReadOnlyList<Paper> backgroundPapers, bool expand, bool words)
    {
        var texts = backgroundPapers.Select(PaperText.From).ToList();
        return [.. interestVectors.Select((v, t) => SentenceScore.Measure(v, background, expand, words ? SentenceWords.Measure(topics[t].Interest, texts) : SentenceWords.None))];
    }

    /// <summary>The score about: gives paper <paramref name="p"/> for topic <paramref name="t"/>.</summary>
    private float Score(int t, int p) => _interests[t].Of(paperVectors[p], _texts[p]);

    /// <summary>Micro-F1 over every (topic, paper) pair of "about: closeness to the interest at least <paramref name="threshold"/>".</summary>
    public double AboutF1(float threshold, IEnumerable<int>? topicIndexes = null) => MicroF1(
        topicIndexes ?? Enumerable.Range(0, topics.Count),
        (t, p) => Score(t, p) >= threshold);

    /// <summary>Micro-F1 of a plain cosine threshold (PaperBot's first rule, before closeness was measured against the store).</summary>
    public double CosineF1(float threshold) => MicroF1(
        Enumerable.Range(0, topics.Count), (t, p) => VectorMath.Dot(interestVectors[t], paperVectors[p]) >= threshold);

    /// <summary>Micro-F1 of the topics' best keyword queries (or, with <paramref name="first"/>, their first obvious ones) over the same pairs.</summary>
    public double KeywordF1(bool first = false)
    {
        var queries = topics.Select(t => TopicQuery.Parse(first ? t.FirstKeywordQuery : t.KeywordQuery)).ToArray();
        var texts = papers.ToDictionary(p => p.ArxivId, PaperText.From);
        return MicroF1(Enumerable.Range(0, topics.Count), (t, p) => queries[t].Matches(texts[_paperIds[p]]));
    }

    /// <summary>The closeness with the best micro-F1 over <paramref name="topicIndexes"/>, from 0.5 to 4.0 by 0.05 (the first of equals).</summary>
    public float BestThreshold(IEnumerable<int> topicIndexes)
    {
        var indexes = topicIndexes.ToArray();
        return Enumerable.Range(10, 71).Select(i => i / 20f).MaxBy(threshold => AboutF1(threshold, indexes));
    }

    /// <summary>
    /// Mean over topics of the share of relevant papers among the R closest, R being the topic's relevant count, ranked
    /// as search about: ranks them (by the score about: matches by).
    /// </summary>
    public double MeanRPrecision() => Enumerable.Range(0, topics.Count).Average(t =>
    {
        var relevant = topics[t].Relevant.ToHashSet(StringComparer.Ordinal);
        var top = Enumerable.Range(0, _paperIds.Length)
            .OrderByDescending(p => Score(t, p))
            .Take(relevant.Count)
            .Count(p => relevant.Contains(_paperIds[p]));
        return (double)top / relevant.Count;
    });

    /// <summary>For each on-topic paper, how many of its five nearest other papers share its topic; the mean and the worst.</summary>
    public (double Mean, int Worst) SimilarOnTopic()
    {
        var topicOf = topics.SelectMany(t => t.Relevant.Select(id => (id, t.Name))).ToDictionary(x => x.id, x => x.Name, StringComparer.Ordinal);
        var counts = Enumerable.Range(0, _paperIds.Length).Where(p => topicOf.ContainsKey(_paperIds[p])).Select(p =>
            Enumerable.Range(0, _paperIds.Length).Where(q => q != p)
                .OrderByDescending(q => VectorMath.Dot(paperVectors[p], paperVectors[q]))
                .Take(5)
                .Count(q => topicOf.GetValueOrDefault(_paperIds[q]) == topicOf[_paperIds[p]]))
            .ToList();
        return (counts.Average(), counts.Min());
    }

    /// <summary>
    /// For each topic and each reading list of two of its papers (disjoint pairs), how many of the five papers
    /// recommend would rank first (closest to the nearest saved paper, among the others) share the topic; the mean and the worst.
    /// </summary>
    public (double Mean, int Worst) RecommendOnTopic()
    {
        var counts = new List<int>();
        foreach (var topic in topics)
        {
            var mine = topic.Relevant.Select(id => Array.IndexOf(_paperIds, id)).ToArray();
            for (var pair = 0; pair + 1 < mine.Length; pair += 2)
            {
                int[] saved = [mine[pair], mine[pair + 1]];
                counts.Add(Enumerable.Range(0, _paperIds.Length).Where(p => !saved.Contains(p))
                    .OrderByDescending(p => saved.Max(s => VectorMath.Dot(paperVectors[s], paperVectors[p])))
                    .Take(5)
                    .Count(p => topic.Relevant.Contains(_paperIds[p])));
            }
        }

        return (counts.Average(), counts.Min());
    }

    private double MicroF1(IEnumerable<int> topicIndexes, Func<int, int, bool> predicted)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var t in topicIndexes)
        {
            var relevant = topics[t].Relevant.ToHashSet(StringComparer.Ordinal);
            for (var p = 0; p < _paperIds.Length; p++)
            {
                var hit = predicted(t, p);
                var truth = relevant.Contains(_paperIds[p]);
                truePositives += hit && truth ? 1 : 0;
                falsePositives += hit && !truth ? 1 : 0;
                falseNegatives += !hit && truth ? 1 : 0;
            }
        }

        return truePositives == 0 ? 0 : 2.0 * truePositives / ((2.0 * truePositives) + falsePositives + falseNegatives);
    }
}
