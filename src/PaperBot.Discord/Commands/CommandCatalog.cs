using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Commands;

/// <summary>
/// The <c>/papers</c> command on Discord, made from the shared layer's <see cref="CommandSpec"/>s: its definition for
/// registration, and the translation of a typed invocation into (subcommand, typed arguments).
/// </summary>
internal sealed class CommandCatalog(IReadOnlyList<CommandSpec> specs)
{
    public const string CommandName = "papers";

    private const string Summary = "Hugging Face Daily Papers: today's list, search, channel subscriptions and your reading list";

    private readonly Dictionary<string, CommandSpec> _byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public CommandCatalog(CommandDispatcher dispatcher)
        : this(dispatcher.Specs)
    {
    }

    /// <summary>The definition <c>register-commands</c> sends: one subcommand per command, its options typed.</summary>
    public ApplicationCommand Definition => new(CommandName, Summary, [.. specs.Select(Subcommand)], Contexts: [0, 1], IntegrationTypes: [0]);

    /// <summary>True unless the command's answer is for the whole channel: a deferred answer of these starts out ephemeral.</summary>
    public bool IsPrivate(string subcommand) => !(_byName.GetValueOrDefault(subcommand)?.PublicAnswer ?? false);

    public CommandSpec? Find(string subcommand) => _byName.GetValueOrDefault(subcommand);

    /// <summary>
    /// The subcommand and its typed arguments: each option's value goes to its own field, the free value (query, id,
    /// format) to <see cref="CommandArguments.Text"/> as it is, so text typed into one option can never become another.
    /// The values are checked by the dispatcher, as the console's and Slack's are.
    /// </summary>
    public (string Subcommand, CommandArguments Arguments) Arguments(InteractionOption subcommand)
    {
        ArgumentNullException.ThrowIfNull(subcommand);
        var arguments = new CommandArguments { Typed = true };
        if (Find(subcommand.Name) is not { } spec)
        {
            return (subcommand.Name, arguments);
        }

        foreach (var given in (subcommand.Options ?? []).Where(o => o?.Name is not null).DistinctBy(o => o.Name, StringComparer.Ordinal))
        {
            if (spec.Options.FirstOrDefault(o => o.FieldName == given.Name) is { } option && Value(option, given.Value) is { } value)
            {
                arguments = arguments.With(option, value);
            }
        }

        return (subcommand.Name, arguments);
    }

    // A value of the option's kind, as text the arguments take; a value of the wrong kind is left out.
    private static string? Value(CommandOptionSpec option, JsonElement? value) => (option.Kind, value) switch
    {
        (OptionKind.Integer, { ValueKind: JsonValueKind.Number } v) => v.TryGetInt32(out var n) ? n.ToString(CultureInfo.InvariantCulture) : null,
        (OptionKind.Integer, _) => null,
        (_, { ValueKind: JsonValueKind.String } v) => JsonText.SafeString(v)?.Trim(),
        _ => null,
    };

    private static CommandOption Subcommand(CommandSpec spec) => new()
    {
        Type = CommandOption.SubCommand,
        Name = spec.Name,
        Description = spec.Description,
        Options = [.. spec.Options.OrderBy(o => o.Required ? 0 : 1).Select(Option)],
    };

    private static CommandOption Option(CommandOptionSpec option) => option.Kind switch
    {
        OptionKind.Integer => new()
        {
            Type = CommandOption.Integer, Name = option.FieldName, Description = option.Description, Required = option.Required,
            MinValue = option.Min, MaxValue = option.Max,
        },
        OptionKind.Choice => new()
        {
            Type = CommandOption.String, Name = option.FieldName, Description = option.Description, Required = option.Required,
            Choices = [.. option.Choices.Select(c => new CommandChoice(c.Label, c.Value))],
        },
        _ => new()
        {
            Type = CommandOption.String, Name = option.FieldName, Description = option.Description, Required = option.Required,
            MaxLength = CommandOptionSpec.MaxTextLength, Autocomplete = option.Autocomplete ? true : null,
        },
    };
}
