using System.Globalization;

namespace PaperBot.Core.Query;

/// <summary>
/// How close a paper must be to an <c>about:</c> sentence. The default was calibrated on PaperBot's labelled set
/// (tests/PaperBot.Semantic.Tests/Relevance, printed by the <c>relevance</c> benchmark); <c>~strict</c> and
/// <c>~broad</c> move it by <see cref="Step"/>, and <c>~0.NN</c> sets it outright.
/// </summary>
public sealed record AboutCloseness(float Threshold, string? Suffix)
{
    /// <summary>The calibrated default closeness (cosine of all-MiniLM-L6-v2 vectors).</summary>
    public const float DefaultThreshold = 0.32f;

    public const float Step = 0.06f;

    public static readonly AboutCloseness Default = new(DefaultThreshold, null);

    public static readonly AboutCloseness Strict = new(DefaultThreshold + Step, "strict");

    public static readonly AboutCloseness Broad = new(DefaultThreshold - Step, "broad");

    /// <summary>Reads what follows '~' (strict, broad, or a number from 0.05 to 0.95); null when it is none of them.</summary>
    public static AboutCloseness? Parse(string text)
    {
        if (text.Equals("strict", StringComparison.OrdinalIgnoreCase))
        {
            return Strict;
        }

        if (text.Equals("broad", StringComparison.OrdinalIgnoreCase))
        {
            return Broad;
        }

        return float.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0.05f and <= 0.95f
            ? new AboutCloseness(value, AboutNode.Format(value))
            : null;
    }
}
