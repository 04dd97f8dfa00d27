using System.Globalization;
using System.Text;

namespace PaperBot.Core.Query;

/// <summary>
/// <c>about:"a sentence"</c>, optionally followed by <c>~strict</c>, <c>~broad</c> or <c>~0.NN</c>: matches a paper
/// whose title and abstract mean something close to the sentence (the dot product of the two unit vectors is at
/// least <see cref="Threshold"/>). The sentence's vector is computed by the model when the query is used, not
/// when it is parsed, and set once with <see cref="Bind"/> (the same sentence always gives the same vector).
/// </summary>
internal sealed class AboutNode(string sentence, AboutCloseness closeness, int column) : QueryNode(column)
{
    private float[]? vector;

    /// <summary>The sentence with its whitespace collapsed; what is embedded and rendered.</summary>
    public string Sentence { get; } = sentence;

    public AboutCloseness Closeness { get; } = closeness;

    public float Threshold => Closeness.Threshold;

    public bool IsBound => vector is not null;

    public override bool IsPositive => true;

    public void Bind(float[] sentenceVector) => vector = sentenceVector;

    public override bool Matches(PaperText paper)
    {
        var sentenceVector = vector ?? throw new InvalidOperationException($"about:\"{Sentence}\" was used before its sentence was embedded.");

        // A paper whose vector is not known cannot be judged by meaning; it does not match.
        return paper.Vector is { } paperVector && Semantic.VectorMath.Dot(sentenceVector, paperVector) >= Threshold;
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

    internal static string Format(float threshold) => threshold.ToString("0.00", CultureInfo.InvariantCulture);
}
