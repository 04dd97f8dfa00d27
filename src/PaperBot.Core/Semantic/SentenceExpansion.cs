namespace PaperBot.Core.Semantic;

/// <summary>
/// Query expansion by pseudo-relevance feedback (Rocchio): a one-sentence interest is short, and its vector lies
/// between the papers it means and the papers that merely share its words. The few stored papers closest to it are
/// almost always on its topic, so the sentence's vector is moved towards their mean, which pulls in papers worded
/// like them rather than like the sentence. Measured on the labelled sets (the <c>relevance</c> benchmark), and only
/// once the store has enough papers for its closest few to mean something (<see cref="SentenceScore.MinBackground"/>).
/// </summary>
public static class SentenceExpansion
{
    /// <summary>How many of the closest stored papers feed back into the sentence.</summary>
    public const int FeedbackPapers = 5;

    /// <summary>The weight of their mean against the sentence's own vector (1).</summary>
    public const float FeedbackWeight = 0.5f;

    /// <summary>The sentence's unit vector moved towards the mean of <paramref name="closest"/> (unit vectors), normalised again.</summary>
    public static float[] Expand(ReadOnlySpan<float> sentence, IReadOnlyList<float[]> closest)
    {
        ArgumentNullException.ThrowIfNull(closest);
        var expanded = sentence.ToArray();
        if (closest.Count == 0)
        {
            return expanded;
        }

        var weight = FeedbackWeight / closest.Count;
        foreach (var paper in closest)
        {
            for (var d = 0; d < expanded.Length; d++)
            {
                expanded[d] += weight * paper[d];
            }
        }

        VectorMath.Normalize(expanded);
        return expanded;
    }
}
