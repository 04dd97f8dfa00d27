using System.Globalization;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Core.Commands;

/// <summary>
/// Checks typed arguments against their command's options (the ranges of whole numbers), the same for every surface:
/// Discord enforces ranges in its own client, but a request can come from anywhere.
/// </summary>
public static class CommandChecks
{
    public static string? Check(CommandSpec command, CommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var option in command.Options.Where(o => o.Kind == OptionKind.Integer))
        {
            if (arguments.IntegerOf(option) is not { } value)
            {
                continue;
            }

            if (option.Min is { } min && value < min)
            {
                return option.Name == "page"
                    ? $"{Number(value)} is not a page number: pages start at 1."
                    : $"{option.Name} is a whole number from {Number(min)}{(option.Max is { } top ? $" to {Number(top)}" : "")}; {Number(value)} is not.";
            }

            if (option.Max is { } max && value > max)
            {
                return $"{option.Name} is at most {Number(max)}; {Number(value)} is too many.";
            }
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
