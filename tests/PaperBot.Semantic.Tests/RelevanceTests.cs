using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Semantic;
using PaperBot.Testing.Relevance;

namespace PaperBot.Semantic.Tests;

/// <summary>
/// Relevance on a slice of the labelled set with the real model (the full set's figures come from the relevance
/// benchmark): two topics, their sixteen papers and six papers on neither.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class RelevanceTests(ModelFixture model)
{
    [Fact]
    public async Task About_OnTwoLabelledTopics_FindsTheirPapersAndRanksThemFirst()
    {
        LabelledTopic[] topics = [LabelledSet.Topics[0], LabelledSet.Topics[3]];
        var relevant = topics.SelectMany(t => t.Relevant).ToHashSet(StringComparer.Ordinal);
        var papers = LabelledSet.Papers.Where(p => relevant.Contains(p.ArxivId)).Concat(LabelledSet.Papers.Skip(80).Take(6)).ToList();

        var paperVectors = await PaperEmbedder.EmbedAsync(model.Embedder, papers, CancellationToken.None);
        var interestVectors = await model.Embedder.EmbedAsync([.. topics.Select(t => t.Interest)], CancellationToken.None);

        // The store holds the whole labelled set: closeness is measured against all of it, as PaperBot measures it
        // against every stored paper.
        var store = await PaperEmbedder.EmbedAsync(model.Embedder, LabelledSet.Papers, CancellationToken.None);
        var scores = new RelevanceScores(topics, papers, paperVectors, interestVectors, store, backgroundPapers: LabelledSet.Papers);

        var f1 = scores.AboutF1(AboutCloseness.DefaultThreshold);
        Assert.True(f1 >= 0.9, $"about: micro-F1 {f1:F3} at the default closeness (0.968 when written)");
        Assert.True(scores.MeanRPrecision() >= 0.8, $"R-precision {scores.MeanRPrecision():F3}");
    }

    [Fact]
    public async Task About_OnBothLabelledSets_TheDefaultClosenessMeetsTheTargets()
    {
        // The store holds both sets. The default closeness was calibrated on the labelled set; the held-out set was
        // never used to choose the method or the closeness. The floors sit a little under the relevance benchmark's
        // figures (0.864 and 0.889), so a change of rule that loses a few pairs fails.
        var labelled = await PaperEmbedder.EmbedAsync(model.Embedder, LabelledSet.Papers, CancellationToken.None);
        var heldOut = await PaperEmbedder.EmbedAsync(model.Embedder, HeldOutSet.Papers, CancellationToken.None);
        float[][] store = [.. labelled, .. heldOut];
        Paper[] storePapers = [.. LabelledSet.Papers, .. HeldOutSet.Papers];
        RelevanceScores Scores(IReadOnlyList<LabelledTopic> topics, IReadOnlyList<Paper> papers, float[][] vectors, float[][] interests, bool expand = true, bool words = true) =>
            new(topics, papers, vectors, interests, store, expand, storePapers, words);

        var labelledInterests = await model.Embedder.EmbedAsync([.. LabelledSet.Topics.Select(t => t.Interest)], CancellationToken.None);
        var first = Scores(LabelledSet.Topics, LabelledSet.Papers, labelled, labelledInterests);
        var firstMeaning = Scores(LabelledSet.Topics, LabelledSet.Papers, labelled, labelledInterests, words: false);
        var heldInterests = await model.Embedder.EmbedAsync([.. HeldOutSet.Topics.Select(t => t.Interest)], CancellationToken.None);
        var second = Scores(HeldOutSet.Topics, HeldOutSet.Papers, heldOut, heldInterests);
        var secondUnexpanded = Scores(HeldOutSet.Topics, HeldOutSet.Papers, heldOut, heldInterests, expand: false);

        var threshold = AboutCloseness.DefaultThreshold;
        var f1 = first.AboutF1(threshold);
        var heldF1 = second.AboutF1(threshold);
        Assert.True(f1 >= 0.84, $"about: micro-F1 {f1:F3} on the labelled set at the default closeness");
        Assert.True(f1 > firstMeaning.AboutF1(threshold), $"with the sentence's words {f1:F3}, meaning alone {firstMeaning.AboutF1(threshold):F3}");
        Assert.True(heldF1 >= 0.85, $"about: micro-F1 {heldF1:F3} on the held-out set at the default closeness");
        Assert.True(heldF1 > secondUnexpanded.AboutF1(threshold), $"expansion {heldF1:F3}, without {secondUnexpanded.AboutF1(threshold):F3}");
        Assert.True(first.MeanRPrecision() >= 0.8, $"R-precision {first.MeanRPrecision():F3} on the labelled set");
        Assert.True(second.MeanRPrecision() >= 0.85, $"R-precision {second.MeanRPrecision():F3} on the held-out set");
        Assert.True(second.SimilarOnTopic().Mean >= 3, $"similar: {second.SimilarOnTopic().Mean:F2} of the top 5 on topic");
    }
}
