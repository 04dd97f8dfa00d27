using System.Text;

namespace PaperBot.Core.Commands.Model;

/// <summary>The console's and Slack's syntax: the free value as it is, other options as <c>--name value</c>.</summary>
public sealed class TextSyntax : ICommandSyntax
{
    public static TextSyntax Instance { get; } = new();

    public string Usage(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder("/papers ").Append(command.Name);
        foreach (var option in command.Options.OrderBy(o => o.Positional ? 0 : 1))
        {
            var part = option.Positional ? Value(option) : option.Kind == OptionKind.Digest ? "--digest [HH:MM] [Area/City]" : $"--{option.Name} {Value(option)}";
            text.Append(' ').Append(option.Required ? $"<{part}>" : $"[{part}]");
        }

        return text.ToString();
    }

    public string Write(CommandInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var text = new StringBuilder("/papers ").Append(invocation.Command);
        foreach (var value in invocation.Values.OrderBy(v => v.Option.Positional ? 0 : 1))
        {
            text.Append(' ').Append(value.Option.Positional ? value.Value : $"--{value.Option.Name}{(value.Value.Length == 0 ? "" : " " + value.Value)}");
        }

        return text.ToString();
    }

    private static string Value(CommandOptionSpec option) =>
        option.Choices.Count > 0 ? string.Join('|', option.Choices.Select(c => c.Value)) : option.Placeholder;
}
