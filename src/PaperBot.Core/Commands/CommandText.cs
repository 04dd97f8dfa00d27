namespace PaperBot.Core.Commands;

/// <summary>Splits what a user typed into a subcommand word and its argument text.</summary>
public static class CommandText
{
    private static readonly string[] Prefixes = ["/papers", "papers"];

    /// <summary>What a user typed, cut to 40 characters for quoting it back in an answer.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>
    /// <c>"/papers subscribe agents OR robots"</c> gives <c>("subscribe", "agents OR robots")</c>.
    /// The <c>/papers</c> prefix is optional; the subcommand is lower-cased; an empty line gives ("", "").
    /// </summary>
    public static (string Subcommand, string Arguments) Split(string? text)
    {
        var rest = (text ?? "").Trim();
        foreach (var prefix in Prefixes)
        {
            if (rest.Equals(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return ("", "");
            }

            if (rest.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[prefix.Length..].TrimStart();
                break;
            }
        }

        var space = rest.IndexOfAny([' ', '\t']);
        return space < 0
            ? (rest.ToLowerInvariant(), "")
            : (rest[..space].ToLowerInvariant(), rest[(space + 1)..].Trim());
    }
}
