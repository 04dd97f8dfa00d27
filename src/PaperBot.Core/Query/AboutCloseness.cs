using System.Globalization;

namespace PaperBot.Core.Query;

/// <summary>
/// How close a paper must be to an <c>about:</c> sentence, in standard deviations above the closeness of a typical
/// stored paper (<see cref="Semantic.SentenceScore"/>). The default was calibrated on PaperBot's labelled set
/// (tests/PaperBot.Testing/Relevance, printed by the <c>relevance</c> benchmark); <c>~strict</c> and <c>~broad</c>
/// move it by <see cref="Step"/>, and <c>~N.N</c> (0 to 6.0) sets it outright.
/// </summary>
public sealed record AboutCloseness(float Threshold, string? Suffix)
{
    /// <summary>The calibrated default closeness.</summary>
    public const float DefaultThreshold = 1.65f;

    public const float Step = 0.5f;

    public const float Lowest = 0f;

    public const float Highest = 6.0f;

    public static readonly AboutCloseness Default = new(DefaultThreshold, null);

    public static readonly AboutCloseness Strict = new(DefaultThreshold + Step, "strict");

    public static readonly AboutCloseness Broad = new(DefaultThreshold - Step, "broad");

    /// <summary>Reads what follows '~' (strict, broad, or a number from 0 to 6.0); null when it is none of them.</summary>
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

        return float.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= Lowest and <= Highest
            ? new AboutCloseness(value, Format(value))
            : null;
    }

    /// <summary>A closeness as PaperBot writes it (one or two decimals).</summary>
    public static string Format(float value) => value.ToString("0.0#", CultureInfo.InvariantCulture);
}
