using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Commands;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Commands;

/// <summary>
/// The <c>/papers</c> command: its definition for registration, and the translation of a typed
/// invocation into the shared layer's (subcommand, typed arguments).
/// </summary>
internal static class CommandCatalog
{
    public const string CommandName = "papers";
    public const string UnsubscribeId = "id";

    public const string ArxivId = "arxiv_id";

    /// <summary>Subcommands whose answers are for the whole channel; a deferred answer of the others starts out ephemeral.</summary>
    private static readonly HashSet<string> PublicSubcommands = ["today", "search", "similar"];

    public static ApplicationCommand Definition { get; } = new(
        CommandName,
        "Hugging Face Daily Papers: today's list, search, channel subscriptions and your reading list",
        [
            Sub("today", "The latest day's papers, most upvoted first",
                Text("query", "Only papers matching this query, e.g. \"world model\" OR robotics", required: false), Page()),
            Sub("search", "Search every paper PaperBot has seen, best matches first",
                Text("query", "Words, \"phrases\", OR, -word, (groups), or about:\"a sentence\" to rank by meaning", required: true), Page()),
            Sub("subscribe", "Post new papers matching a query to this channel (needs Manage Channels)",
                Text("query", "Words, \"phrases\", OR, -word, (groups), e.g. agents OR \"tool use\" -survey", required: true),
                Text("digest", "One daily digest instead of each paper: a time and zone, e.g. 09:00 Europe/Paris", required: false),
                Number("min_upvotes", "Only papers with at least this many upvotes (posted once they reach it)", 0, 100_000),
                Number("backfill", "Also post up to this many recent matching papers now", 0, 20)),
            Sub("unsubscribe", "Stop one of this channel's subscriptions, or all (needs Manage Channels)",
                Text(UnsubscribeId, "The subscription's id (see /papers subscriptions), or all", required: true) with { Autocomplete = true }),
            Sub("subscriptions", "This channel's subscriptions, with their ids"),
            Sub("pause", "Stop posting to this channel until /papers resume (needs Manage Channels)"),
            Sub("resume", "Restart posting to this channel (needs Manage Channels)"),
            Sub("save", "Add a paper to your private reading list",
                Text(ArxivId, "The paper's arXiv id, e.g. 2509.04664", required: true) with { Autocomplete = true }),
            Sub("unsave", "Remove a paper from your reading list", Text(ArxivId, "The paper's arXiv id, e.g. 2509.04664", required: true)),
            Sub("saved", "Your private reading list", Text("query", "Only saved papers matching this query", required: false)),
            Sub("export", "Your reading list as a file",
                Text("format", "The file format", required: true) with
                {
                    MaxLength = null,
                    Choices = [new("BibTeX", "bibtex"), new("Markdown", "markdown"), new("CSV", "csv")],
                }),
            Sub("similar", "Stored papers closest in meaning to one paper",
                Text(ArxivId, "The paper's arXiv id, e.g. 2509.04664 (suggests the latest day's papers)", required: true) with { Autocomplete = true }, Page()),
            Sub("recommend", "Papers of the last 7 days closest to your reading list (only you see them)", Page()),
            Sub("help", "What PaperBot can do"),
        ],
        Contexts: [0, 1],
        IntegrationTypes: [0]);

    public static bool IsPrivate(string subcommand) => !PublicSubcommands.Contains(subcommand);

    /// <summary>
    /// The subcommand and its typed arguments: each option's value goes to its own field and the free value (query, id,
    /// format) to <see cref="CommandArguments.Text"/> as it is, so text typed into one option can never become another.
    /// The values are checked by the command itself, as the console's and Slack's are (a digest time, for example).
    /// </summary>
    public static (string Subcommand, CommandArguments Arguments) Arguments(InteractionOption subcommand)
    {
        var values = (subcommand.Options ?? []).Where(o => o?.Name is not null).DistinctBy(o => o.Name, StringComparer.Ordinal).ToDictionary(o => o.Name, o => ValueText(o.Value), StringComparer.Ordinal);
        var free = subcommand.Name switch
        {
            "today" or "search" or "saved" or "subscribe" => values.GetValueOrDefault("query"),
            "similar" or "save" or "unsave" => values.GetValueOrDefault(ArxivId),
            "export" => values.GetValueOrDefault("format"),
            "unsubscribe" => values.GetValueOrDefault(UnsubscribeId),
            _ => null,
        };
        var arguments = new CommandArguments
        {
            Text = free?.Trim() ?? "",
            Typed = true,
            Page = Number(values.GetValueOrDefault("page")),
            Digest = values.GetValueOrDefault("digest")?.Trim(),
            MinUpvotes = Number(values.GetValueOrDefault("min_upvotes")),
            Backfill = Number(values.GetValueOrDefault("backfill")),
        };
        return (subcommand.Name, arguments);
    }

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? ValueText(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => JsonText.SafeString(v),
        { ValueKind: JsonValueKind.Number } v => v.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : v.GetRawText(),
        { ValueKind: JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    private static CommandOption Sub(string name, string description, params CommandOption[] options) =>
        new() { Type = CommandOption.SubCommand, Name = name, Description = description, Options = options };

    private static CommandOption Page() =>
        new() { Type = CommandOption.Integer, Name = "page", Description = "Which page of 10", Required = false, MinValue = 1 };

    private static CommandOption Number(string name, string description, int min, int max) =>
        new() { Type = CommandOption.Integer, Name = name, Description = description, Required = false, MinValue = min, MaxValue = max };

    private static CommandOption Text(string name, string description, bool required) =>
        new() { Type = CommandOption.String, Name = name, Description = description, Required = required, MaxLength = 500 };
}
