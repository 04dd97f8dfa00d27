using System.Text;

namespace PaperBot.Core.Query;

/// <summary>
/// <c>about:"a sentence"</c>, optionally followed by <c>~strict</c>, <c>~broad</c> or <c>~0.NN</c>: matches a paper
/// whose title and abstract mean something close to the sentence: the closeness of the two unit vectors stands at
/// least <see cref="Threshold"/> standard deviations above a typical stored paper's (<see cref="Semantic.SentenceScore"/>).
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

    public override bool Matches(PaperText paper) => Matches(paper.Vector);

    /// <summary>Whether a paper with this vector matches (a paper whose vector is not known does not).</summary>
    public bool Matches(float[]? paperVector)
    {
        var sentenceScore = _score ?? throw new InvalidOperationException($"about:\"{Sentence}\" was used before its sentence was embedded.");

        // A paper whose vector is not known cannot be judged by meaning; it does not match.
        return paperVector is not null && sentenceScore.Of(paperVector) >= Threshold;
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
