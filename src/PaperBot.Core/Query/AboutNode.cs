using System.Text;

namespace PaperBot.Core.Query;

/// <summary>
/// <c>about:"a sentence"</c>, optionally followed by <c>~strict</c>, <c>~broad</c> or <c>~0.NN</c>: matches a paper
/// whose title and abstract mean something close to the sentence: the closeness of the two unit vectors, in standard
/// deviations above a typical stored paper's, plus a little for the sentence's rare words the paper uses, reaches
/// <see cref="Threshold"/> (<see cref="Semantic.SentenceScore"/>).
/// The sentence's score is computed when the query is used, not when it is parsed, and set with <see cref="Bind"/>.
/// </summary>
internal sealed class AboutNode(string sentence, AboutCloseness closeness, int column) : QueryNode(column)
{
    private Semantic.SentenceScore? _score;

    /// <summary>The sentence with its whitespace collapsed; what is embedded and rendered.</summary>
    public string Sentence { get; } = sentence;

    public AboutCloseness Closeness { get; } = closeness;

    public float Threshold => Closeness.Threshold;

    public bool IsBound => _score is not null;

    public override bool IsPositive => true;

    public void Bind(Semantic.SentenceScore sentenceScore) => _score = sentenceScore;

    /// <summary>The sentence's score, once bound.</summary>
    public Semantic.SentenceScore Score => _score ?? throw new InvalidOperationException($"about:\"{Sentence}\" was used before its sentence was embedded.");

    public override bool Matches(PaperText paper)
    {
        // Unbound is a bug even when there is no vector to compare; a paper whose vector is not known cannot be judged
        // by meaning, so it does not match.
        var score = Score;
        return paper.Vector is not null && score.Of(paper.Vector, paper) >= Threshold;
    }

    /// <summary>Whether a paper with this vector, holding this share of the sentence's word weight, matches.</summary>
    public bool Matches(float[]? paperVector, float wordShare)
    {
        var score = Score;
        return paperVector is not null && score.Of(paperVector, wordShare) >= Threshold;
    }

    public override void Render(StringBuilder text)
    {
        text.Append("about:\"").Append(Sentence).Append('"');
        if (Closeness.Suffix is { } suffix)
        {
            text.Append('~').Append(suffix);
        }
    }

    public static string Collapse(string raw) =>
        string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

}
