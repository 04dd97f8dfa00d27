using System.Globalization;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Core.Commands;

/// <summary>
/// A command's arguments, each option in a field of its own: Discord fills them from its typed options, text surfaces
/// (the console, Slack) from their line through <see cref="CommandLine"/>, so text typed into one option can never
/// become another. <see cref="Typed"/> is false only for a line not read yet; the dispatcher reads it with the
/// command's <see cref="CommandSpec"/> before the handler runs.
/// </summary>
public sealed record CommandArguments
{
    /// <summary>The free value (a query, an id); on a line not read yet, the whole line.</summary>
    public string Text { get; init; } = "";

    /// <summary>True when the options below are in their fields and <see cref="Text"/> holds the free value alone.</summary>
    public bool Typed { get; init; }

    public int? Page { get; init; }

    /// <summary>A digest time and zone (<c>09:00 Europe/Paris</c>); empty for a digest at the defaults; null for none.</summary>
    public string? Digest { get; init; }

    public int? MinUpvotes { get; init; }

    public int? Backfill { get; init; }

    /// <summary>A text surface's line, to be read by <see cref="CommandLine"/>.</summary>
    public static implicit operator CommandArguments(string text) => FromText(text);

    public static CommandArguments FromText(string? text) => new() { Text = text ?? "" };

    /// <summary>These arguments with <paramref name="option"/> set to a value already checked against its kind.</summary>
    public CommandArguments With(CommandOptionSpec option, string value)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (option.Positional)
        {
            return this with { Text = value };
        }

        return option.Name switch
        {
            "page" => this with { Page = int.Parse(value, CultureInfo.InvariantCulture) },
            "min-upvotes" => this with { MinUpvotes = int.Parse(value, CultureInfo.InvariantCulture) },
            "backfill" => this with { Backfill = int.Parse(value, CultureInfo.InvariantCulture) },
            "digest" => this with { Digest = value },
            _ => throw new ArgumentException($"CommandArguments has no field for the option {option.Name}.", nameof(option)),
        };
    }

    /// <summary>The value of a whole-number option, or null when it was not given.</summary>
    public int? IntegerOf(CommandOptionSpec option) => option?.Name switch
    {
        "page" => Page,
        "min-upvotes" => MinUpvotes,
        "backfill" => Backfill,
        _ => null,
    };
}
