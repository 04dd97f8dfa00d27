using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperBot.Core.Commands;

/// <summary>The <c>--page N</c> option that paged commands accept anywhere in their arguments.</summary>
public static partial class PageOption
{
    [GeneratedRegex(@"(?:^|\s)--page(?:\s+|=)(?<n>\S+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>
    /// The page and the free text of <paramref name="arguments"/>: typed, the page field and the text as it is; as text,
    /// see <see cref="TryExtract(string, out string, out int, out string?)"/>.
    /// </summary>
    public static bool TryRead(CommandArguments arguments, out string rest, out int page, out string? error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!arguments.Typed)
        {
            return TryExtract(arguments.Text, out rest, out page, out error);
        }

        rest = arguments.Text.Trim();
        page = arguments.Page ?? 1;
        error = page >= 1 ? null : $"{page} is not a page number: pages start at 1.";
        page = Math.Max(page, 1);
        return error is null;
    }

    /// <summary>
    /// Removes <c>--page N</c> from <paramref name="arguments"/>. Returns false with an error message when
    /// N is not a whole number from 1 up.
    /// </summary>
    public static bool TryExtract(string arguments, out string rest, out int page, out string? error)
    {
        page = 1;
        error = null;
        var match = Pattern().Match(arguments);
        rest = match.Success ? arguments.Remove(match.Index, match.Length).Trim() : arguments.Trim();
        if (!match.Success)
        {
            return true;
        }

        var value = match.Groups["n"].Value;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1)
        {
            return true;
        }

        error = $"\"--page {value}\" is not a page number: write --page 2, --page 3 and so on.";
        page = 1;
        return false;
    }
}
