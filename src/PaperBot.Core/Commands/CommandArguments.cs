namespace PaperBot.Core.Commands;

/// <summary>
/// A command's arguments as a surface delivers them. Text surfaces (the console, Slack) deliver one line, which the
/// command reads its options out of (<c>--page 2</c>). Typed surfaces (Discord) deliver each option in its own field:
/// then <see cref="Text"/> is only the free value (a query, an id) and is never searched for options, so text typed
/// into one option can never become another.
/// </summary>
public sealed record CommandArguments
{
    /// <summary>The argument text: the whole line on a text surface; the free value alone on a typed one.</summary>
    public string Text { get; init; } = "";

    /// <summary>True when the options below came in fields of their own and <see cref="Text"/> holds none.</summary>
    public bool Typed { get; init; }

    public int? Page { get; init; }

    /// <summary>A digest time and zone (<c>09:00 Europe/Paris</c>); empty for a digest at the defaults; null for none.</summary>
    public string? Digest { get; init; }

    public int? MinUpvotes { get; init; }

    public int? Backfill { get; init; }

    /// <summary>A text surface's line.</summary>
    public static implicit operator CommandArguments(string text) => FromText(text);

    public static CommandArguments FromText(string? text) => new() { Text = text ?? "" };
}
