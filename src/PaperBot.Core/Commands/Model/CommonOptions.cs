namespace PaperBot.Core.Commands.Model;

/// <summary>Options several commands share, so that each is spelled, described and bounded the same everywhere.</summary>
public static class CommonOptions
{
    public static CommandOptionSpec Page { get; } = new("page", OptionKind.Integer, "Which page of 10") { Placeholder = "N", Min = 1 };

    public static CommandOptionSpec ArxivId { get; } =
        new("arxiv-id", OptionKind.Text, "The paper's arXiv id, e.g. 2509.04664") { Positional = true, Required = true, Placeholder = "arxiv id" };

    /// <summary>An arXiv id that surfaces which can suggest values offer the latest day's papers for.</summary>
    public static CommandOptionSpec SuggestedArxivId { get; } = ArxivId with { Autocomplete = true };

    /// <summary>A query option, positional, with a description saying what it does for this command.</summary>
    public static CommandOptionSpec Query(string description, bool required) =>
        new("query", OptionKind.Text, description) { Positional = true, Required = required, Placeholder = "query" };
}
