namespace PaperBot.Core.Commands.Model;

/// <summary>
/// What a command is, for every surface: its name, what it does, its options, who may run it and whether its answer is
/// for the caller alone. Discord's registered definition, its autocomplete, the text surfaces' parser and
/// <c>/papers help</c> on every surface are all made from this.
/// </summary>
/// <param name="Name">The subcommand word, lower case.</param>
/// <param name="Description">One line, at most 100 characters (Discord's limit).</param>
public sealed record CommandSpec(string Name, string Description)
{
    public IReadOnlyList<CommandOptionSpec> Options { get; init; } = [];

    /// <summary>True when the command changes the channel (subscriptions, pausing): only channel managers may run it.</summary>
    public bool ManagesChannel { get; init; }

    /// <summary>True when the answer is for the whole channel; otherwise only the caller sees it where the platform allows.</summary>
    public bool PublicAnswer { get; init; }

    /// <summary>An example of the command in use, shown in help in each surface's own syntax.</summary>
    public CommandInvocation? Example { get; init; }

    /// <summary>The command's free value option (query, id), or null.</summary>
    public CommandOptionSpec? Positional => Options.FirstOrDefault(o => o.Positional);

    /// <summary>The example's or any invocation of this command, with <paramref name="values"/> in option order.</summary>
    public CommandInvocation Invoke(params (CommandOptionSpec Option, string Value)[] values) =>
        new(Name, [.. values.Select(v => new OptionValue(v.Option, v.Value))]);
}
