namespace PaperBot.Core.Commands.Model;

/// <summary>
/// One option of a command. Text surfaces write a named option as <c>--name value</c> and the positional one (at most
/// one per command: a query, an id) as the rest of the line; Discord asks for each in its own typed field.
/// </summary>
/// <param name="Name">Lower case, words joined by '-' (<c>min-upvotes</c>); Discord spells it with '_'.</param>
/// <param name="Kind">What the option holds.</param>
/// <param name="Description">One line, at most 100 characters (Discord's limit).</param>
public sealed record CommandOptionSpec(string Name, OptionKind Kind, string Description)
{
    /// <summary>The longest text value Discord accepts in the option's field.</summary>
    public const int MaxTextLength = 500;

    /// <summary>True for the command's free value, written without its name on text surfaces.</summary>
    public bool Positional { get; init; }

    public bool Required { get; init; }

    /// <summary>How usage lines show the value: <c>query</c>, <c>arxiv id</c>, <c>N</c>.</summary>
    public string Placeholder { get; init; } = "value";

    public int? Min { get; init; }

    public int? Max { get; init; }

    public IReadOnlyList<OptionChoice> Choices { get; init; } = [];

    /// <summary>True when surfaces that can should suggest values while the user types (Discord autocomplete).</summary>
    public bool Autocomplete { get; init; }

    /// <summary>The name in Discord's spelling (<c>min_upvotes</c>).</summary>
    public string FieldName => Name.Replace('-', '_');
}
