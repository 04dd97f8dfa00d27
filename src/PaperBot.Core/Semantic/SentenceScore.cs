using PaperBot.Core.Query;

namespace PaperBot.Core.Semantic;

/// <summary>
/// How an about: sentence scores a paper: the closeness (cosine) of their vectors, counted in standard deviations
/// above the closeness of a typical stored paper (<paramref name="Mean"/>, <paramref name="Spread"/>), plus
/// <see cref="WordWeight"/> times the evidence of the sentence's own words in the paper (<see cref="SentenceWords"/>).
/// Sentences differ in how close they sit to every paper (a broad one is near all of them), so a fixed cosine
/// threshold is too strict for some and too loose for others; measured against the store, one threshold serves them all.
/// </summary>
/// <param name="Vector">The sentence's unit vector (expanded by <see cref="SentenceExpansion"/> once the store is large enough).</param>
/// <param name="Mean">The mean closeness of the sentence to the stored papers.</param>
/// <param name="Spread">The standard deviation of that closeness.</param>
/// <param name="Words">The evidence of the sentence's words (<see cref="SentenceWords.None"/> when the store is too small to weigh them).</param>
public sealed record SentenceScore(float[] Vector, float Mean, float Spread, SentenceWords Words)
{
    /// <summary>
    /// How much a standard deviation of word evidence counts against one of closeness in meaning: chosen on the labelled
    /// set (0.05 to 0.5 tried; 0.1 best), so meaning decides and a rare shared word tips a borderline paper.
    /// </summary>
    public const float WordWeight = 0.1f;

    /// <summary>Below this many stored vectors the store says little about a sentence; <see cref="Prior"/> is used.</summary>
    public const int MinBackground = 100;

    // Typical of all-MiniLM-L6-v2 for a one-sentence interest against paper abstracts (the labelled set's ten
    // interests: mean closeness 0.08-0.18, standard deviation 0.09-0.14), for a store too small to measure.
    private const float PriorMean = 0.13f;
    private const float PriorSpread = 0.12f;

    /// <summary>The score for a store with too few papers to measure the sentence against.</summary>
    public static SentenceScore Prior(float[] vector) => new(vector, PriorMean, PriorSpread, SentenceWords.None);

    /// <summary>The score of a sentence whose closeness to <paramref name="count"/> stored papers has this mean and spread.</summary>
    public static SentenceScore From(float[] vector, float mean, float spread, int count, SentenceWords? words = null) =>
        count < MinBackground || spread <= 0 ? Prior(vector) : new SentenceScore(vector, mean, spread, words ?? SentenceWords.None);

    /// <summary>
    /// The score of a sentence measured against these paper vectors, as a store of just these papers gives it: from
    /// <see cref="MinBackground"/> papers on, the sentence is first expanded towards its closest few (<see cref="SentenceExpansion"/>).
    /// </summary>
    public static SentenceScore Measure(float[] vector, IReadOnlyList<float[]> papers, bool expand = true, SentenceWords? words = null)
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
        return From(vector, (float)mean, (float)Math.Sqrt(variance), papers.Count, words);
    }

    /// <summary>The score of a paper with this unit vector and these words.</summary>
    public float Of(ReadOnlySpan<float> vector, PaperText paper) => Of(vector, Words.Share(paper));

    /// <summary>The score of a paper with this unit vector that holds this share of the sentence's word weight (<see cref="SentenceWords.Share"/>).</summary>
    public float Of(ReadOnlySpan<float> vector, float wordShare) => Standardise(VectorMath.Dot(Vector, vector)) + (WordWeight * Words.Evidence(wordShare));

    /// <summary>The most the sentence's words can add to a paper's score (a paper holding all of them).</summary>
    public float MostWordEvidence => WordWeight * Math.Max(0, Words.Evidence(1));

    /// <summary>A cosine, in standard deviations above the typical stored paper's.</summary>
    public float Standardise(float closeness) => (closeness - Mean) / Spread;
}
