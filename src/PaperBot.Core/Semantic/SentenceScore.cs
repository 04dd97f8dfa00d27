namespace PaperBot.Core.Semantic;

/// <summary>
/// How an about: sentence scores a paper: the closeness (cosine) of their vectors, counted in standard deviations
/// above the closeness of a typical stored paper (<paramref name="Mean"/>, <paramref name="Spread"/>). Sentences
/// differ in how close they sit to every paper (a broad one is near all of them), so a fixed cosine threshold is
/// too strict for some and too loose for others; measured against the store, one threshold serves them all.
/// </summary>
/// <param name="Vector">The sentence's unit vector (expanded by <see cref="SentenceExpansion"/> once the store is large enough).</param>
/// <param name="Mean">The mean closeness of the sentence to the stored papers.</param>
/// <param name="Spread">The standard deviation of that closeness.</param>
public sealed record SentenceScore(float[] Vector, float Mean, float Spread)
{
    /// <summary>Below this many stored vectors the store says little about a sentence; <see cref="Prior"/> is used.</summary>
    public const int MinBackground = 100;

    // Typical of all-MiniLM-L6-v2 for a one-sentence interest against paper abstracts (the labelled set's ten
    // interests: mean closeness 0.08-0.18, standard deviation 0.09-0.14), for a store too small to measure.
    private const float PriorMean = 0.13f;
    private const float PriorSpread = 0.12f;

    /// <summary>The score for a store with too few papers to measure the sentence against.</summary>
    public static SentenceScore Prior(float[] vector) => new(vector, PriorMean, PriorSpread);

    /// <summary>The score of a sentence whose closeness to <paramref name="count"/> stored papers has this mean and spread.</summary>
    public static SentenceScore From(float[] vector, float mean, float spread, int count) =>
        count < MinBackground || spread <= 0 ? Prior(vector) : new SentenceScore(vector, mean, spread);

    /// <summary>
    /// The score of a sentence measured against these paper vectors, as a store of just these papers gives it: from
    /// <see cref="MinBackground"/> papers on, the sentence is first expanded towards its closest few (<see cref="SentenceExpansion"/>).
    /// </summary>
    public static SentenceScore Measure(float[] vector, IReadOnlyList<float[]> papers, bool expand = true)
    {
        ArgumentNullException.ThrowIfNull(papers);
        if (expand && papers.Count >= MinBackground)
        {
            var closest = papers.OrderByDescending(p => VectorMath.Dot(vector, p)).Take(SentenceExpansion.FeedbackPapers).ToList();
            vector = SentenceExpansion.Expand(vector, closest);
        }

        double sum = 0, squares = 0;
        foreach (var paper in papers)
        {
            double closeness = VectorMath.Dot(vector, paper);
            sum += closeness;
            squares += closeness * closeness;
        }

        var mean = papers.Count == 0 ? 0 : sum / papers.Count;
        var variance = papers.Count == 0 ? 0 : Math.Max(0, (squares / papers.Count) - (mean * mean));
        return From(vector, (float)mean, (float)Math.Sqrt(variance), papers.Count);
    }

    /// <summary>The score of a paper with this unit vector.</summary>
    public float Of(ReadOnlySpan<float> paper) => Standardise(VectorMath.Dot(Vector, paper));

    /// <summary>A cosine, in standard deviations above the typical stored paper's.</summary>
    public float Standardise(float closeness) => (closeness - Mean) / Spread;
}
