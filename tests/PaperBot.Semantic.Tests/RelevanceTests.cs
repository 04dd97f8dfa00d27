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
        var scores = new RelevanceScores(topics, papers, paperVectors, interestVectors, store);

        var f1 = scores.AboutF1(AboutCloseness.DefaultThreshold);
        Assert.True(f1 >= 0.75, $"about: micro-F1 {f1:F3} at the default closeness");
        Assert.True(scores.MeanRPrecision() >= 0.8, $"R-precision {scores.MeanRPrecision():F3}");
    }

    [Fact]
    public async Task About_OnTheHeldOutSet_TheDefaultClosenessCarriesOver()
    {
        // The held-out set was never used to choose the method or the closeness; the store holds both sets.
        var labelled = await PaperEmbedder.EmbedAsync(model.Embedder, LabelledSet.Papers, CancellationToken.None);
        var paperVectors = await PaperEmbedder.EmbedAsync(model.Embedder, HeldOutSet.Papers, CancellationToken.None);
        var interestVectors = await model.Embedder.EmbedAsync([.. HeldOutSet.Topics.Select(t => t.Interest)], CancellationToken.None);
        float[][] store = [.. labelled, .. paperVectors];
        var scores = new RelevanceScores(HeldOutSet.Topics, HeldOutSet.Papers, paperVectors, interestVectors, store);
        var unexpanded = new RelevanceScores(HeldOutSet.Topics, HeldOutSet.Papers, paperVectors, interestVectors, store, expand: false);

        var f1 = scores.AboutF1(AboutCloseness.DefaultThreshold);
        Assert.True(f1 >= 0.8, $"about: micro-F1 {f1:F3} on the held-out set at the default closeness");
        Assert.True(f1 > unexpanded.AboutF1(AboutCloseness.DefaultThreshold), $"expansion {f1:F3}, without {unexpanded.AboutF1(AboutCloseness.DefaultThreshold):F3}");
        Assert.True(scores.MeanRPrecision() >= 0.8, $"R-precision {scores.MeanRPrecision():F3}");
    }
}
