namespace PaperBot.Core.Commands.Model;

/// <summary>
/// A command as someone would type it (the next page of a list, an example in help), kept typed so that each surface
/// writes it in its own syntax (<c>/papers today agents --page 2</c> on a text surface, <c>/papers today query:agents
/// page:2</c> on Discord) without any rendered text being parsed again.
/// </summary>
public sealed record CommandInvocation(string Command, IReadOnlyList<OptionValue> Values)
{
    /// <summary>This invocation with one more option value (the free value, if <paramref name="option"/> is positional).</summary>
    public CommandInvocation With(CommandOptionSpec option, string value) => this with { Values = [.. Values, new OptionValue(option, value)] };
}
