using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PaperBot.Core.Papers;

/// <summary>
/// arXiv identifiers: new style (<c>2509.04664</c>, <c>0704.0001</c>) and old style
/// (<c>hep-th/9901001</c>, <c>math.GT/0309136</c>), with or without a version suffix,
/// optionally prefixed with <c>arXiv:</c> or given as an arxiv.org / huggingface.co URL.
/// PaperBot dedupes on the id without its version.
/// </summary>
public static partial class ArxivId
{
    [GeneratedRegex(@"^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();

    [GeneratedRegex(@"v\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"^https?://(?:www\.)?(?:arxiv\.org/(?:abs|pdf)|huggingface\.co/papers)/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPrefix();

    /// <summary>Normalises <paramref name="input"/> to a version-less arXiv id, or returns false.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Trim();
        text = UrlPrefix().Replace(text, "");
        if (text.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        if (text.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["arxiv:".Length..];
        }

        text = VersionSuffix().Replace(text.TrimEnd('/'), "");
        if (!Canonical().IsMatch(text))
        {
            return false;
        }

        id = text;
        return true;
    }

    /// <summary>Normalises <paramref name="input"/> or throws <see cref="FormatException"/>.</summary>
    public static string Normalize(string input) =>
        TryNormalize(input, out var id) ? id : throw new FormatException($"\"{input}\" is not an arXiv id (expected something like 2509.04664 or hep-th/9901001).");
}
