using System.Text;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Discord.Rendering;

/// <summary>Discord's command syntax: every option in its own field, <c>/papers today query:agents page:2</c>.</summary>
internal sealed class DiscordSyntax : ICommandSyntax
{
    public static DiscordSyntax Instance { get; } = new();

    public string Usage(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder("/papers ").Append(command.Name);
        foreach (var option in command.Options.OrderBy(o => o.Required ? 0 : 1))
        {
            text.Append(' ').Append(option.Required ? option.FieldName : $"[{option.FieldName}]");
        }

        return text.ToString();
    }

    public string Write(CommandInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var text = new StringBuilder("/papers ").Append(invocation.Command);
        foreach (var value in invocation.Values)
        {
            text.Append(' ').Append(value.Option.FieldName).Append(':').Append(value.Value);
        }

        return text.ToString();
    }
}
