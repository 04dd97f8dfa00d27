using System.Collections.Frozen;
using PaperBot.Core.Query;

namespace PaperBot.Core.Semantic;

/// <summary>
/// The evidence of an about: sentence's own words, beside its meaning: the sentence's content words (stemmed as the
/// search index stems them), each weighted by how rare it is among the stored papers (inverse document frequency),
/// and the share of that weight a paper's title, abstract and keywords hold, counted in standard deviations above
/// what a typical stored paper holds (<see cref="Mean"/>, <see cref="Spread"/>, from the words' document frequencies
/// as if the words fell independently). The model brings the synonyms; a rare word of the sentence that the paper
/// uses ("bits" for "fewer bits") adds what the model blurs. <see cref="SentenceScore"/> adds it with a small weight.
/// </summary>
/// <param name="Stems">The sentence's distinct content stems.</param>
/// <param name="Weights">Each stem's weight, ln((N + 1) / (df + 0.5)) over the N stored papers.</param>
/// <param name="Mean">The share of the weight a stored paper holds on average.</param>
/// <param name="Spread">The standard deviation of that share.</param>
public sealed record SentenceWords(IReadOnlyList<string> Stems, IReadOnlyList<float> Weights, float Mean, float Spread)
{
    // Function words and the filler of a one-sentence interest ("papers about ...", "methods that ..."); they say
    // nothing about a topic, and a stem of them that is rare in abstracts would count as evidence.
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "after", "all", "also", "an", "and", "another", "any", "anything", "are", "as", "at", "be", "before",
        "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "each", "especially", "for",
        "from", "how", "i", "if", "in", "instead", "into", "is", "it", "its", "just", "less", "letting", "like", "make",
        "making", "many", "me", "more", "most", "much", "my", "new", "no", "not", "of", "on", "one", "ones", "or", "other",
        "our", "out", "over", "paper", "papers", "real", "should", "single", "so", "some", "such", "than", "that", "the",
        "their", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "under", "up",
        "using", "very", "via", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whose", "why",
        "will", "with", "without", "would", "you", "your",
    ], StringComparer.Ordinal);

    /// <summary>No evidence from words: a store too small to weigh them (<see cref="SentenceScore.MinBackground"/>).</summary>
    public static readonly SentenceWords None = new([], [], 0, 0);

    /// <summary>The distinct content stems of <paramref name="sentence"/>, in order.</summary>
    public static IReadOnlyList<string> ContentStems(string sentence) =>
    [
        .. WordTokenizer.Tokenize(sentence).Where(w => w.Length > 2 && !FunctionWords.Contains(w)).Select(EnglishStemmer.Stem).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The evidence of these stems, which <paramref name="frequencies"/> of <paramref name="papers"/> stored papers hold.</summary>
    public static SentenceWords From(IReadOnlyList<string> stems, IReadOnlyList<int> frequencies, int papers)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(frequencies);
        if (papers < SentenceScore.MinBackground || stems.Count == 0)
        {
            return None;
        }

        var weights = frequencies.Select(df => (float)Math.Log((papers + 1.0) / (df + 0.5))).ToArray();
        double total = weights.Sum(), mean = 0, variance = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var p = Math.Min(1.0, frequencies[i] / (double)papers);
            mean += weights[i] * p;
            variance += weights[i] * weights[i] * p * (1 - p);
        }

        return total <= 0 ? None : new SentenceWords(stems, [.. weights.Select(w => (float)(w / total))], (float)(mean / total), (float)(Math.Sqrt(variance) / total));
    }

    /// <summary>The evidence of <paramref name="sentence"/>'s words measured against these papers, as a store of just these papers gives it.</summary>
    public static SentenceWords Measure(string sentence, IReadOnlyList<PaperText> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var stems = ContentStems(sentence);
        return From(stems, [.. stems.Select(s => papers.Count(p => p.Stems.Contains(s)))], papers.Count);
    }

    /// <summary>The share of the sentence's word weight the paper's title, abstract and keywords hold (0 to 1).</summary>
    public float Share(PaperText paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var share = 0f;
        for (var i = 0; i < Stems.Count; i++)
        {
            share += paper.Stems.Contains(Stems[i]) ? Weights[i] : 0;
        }

        return share;
    }

    /// <summary>A share, in standard deviations above a typical stored paper's (0 without evidence).</summary>
    public float Evidence(float share) => Spread > 0 ? (share - Mean) / Spread : 0;
}
