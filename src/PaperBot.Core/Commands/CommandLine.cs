using System.Globalization;
using System.Text;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Core.Commands;

/// <summary>
/// The one parser of text surfaces (the console, Slack): reads a command's line into <see cref="CommandArguments"/>
/// with the command's <see cref="CommandSpec"/>. A named option is <c>--name value</c> (or <c>--name=value</c>) at the
/// start of a word outside quotes; what is left is the free value. Values are checked by <see cref="CommandChecks"/>,
/// as Discord's typed values are, so both surfaces give the same answer.
/// </summary>
public static class CommandLine
{
    public static bool TryRead(CommandSpec command, string line, out CommandArguments arguments, out string? error)
    {
        ArgumentNullException.ThrowIfNull(command);
        arguments = new CommandArguments { Typed = true };
        var free = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = Words(line ?? "");
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!IsOption(word))
            {
                free.Append(free.Length == 0 ? "" : " ").Append(word);
                continue;
            }

            var (name, inline) = Split(word[2..]);
            if (command.Options.FirstOrDefault(o => !o.Positional && o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } option)
            {
                error = UnknownOption(command, name);
                return false;
            }

            if (!seen.Add(option.Name))
            {
                error = $"--{option.Name} is given twice; give it once.";
                return false;
            }

            if (!TryValue(option, inline, words, ref i, out var value, out error))
            {
                return false;
            }

            arguments = arguments.With(option, value);
        }

        arguments = arguments with { Text = free.ToString() };
        error = null;
        return true;
    }

    private static bool TryValue(CommandOptionSpec option, string? inline, List<string> words, ref int i, out string value, out string? error)
    {
        error = null;
        if (option.Kind == OptionKind.Digest)
        {
            // --digest [HH:MM] [Area/City]: each part only when it looks like one, so a query word is never eaten.
            var parts = new List<string>();
            if (inline is not null)
            {
                parts.Add(inline);
            }
            else
            {
                if (i + 1 < words.Count && DigestValue.LooksLikeTime(words[i + 1]))
                {
                    parts.Add(words[++i]);
                }

                if (i + 1 < words.Count && DigestValue.LooksLikeZone(words[i + 1]))
                {
                    parts.Add(words[++i]);
                }
            }

            value = string.Join(' ', parts);
            return true;
        }

        var text = inline ?? (i + 1 < words.Count && !IsOption(words[i + 1]) ? words[++i] : null);
        value = text ?? "";
        if (option.Kind == OptionKind.Integer && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            var example = option.Min is > 1 ? option.Min.Value : 2;
            error = text is null
                ? $"--{option.Name} needs a whole number, e.g. --{option.Name} {example}."
                : $"--{option.Name} needs a whole number, e.g. --{option.Name} {example}; \"{CommandText.Shorten(text)}\" is not one.";
            return false;
        }

        if (text is null)
        {
            error = $"--{option.Name} needs a value.";
            return false;
        }

        return true;
    }

    private static string UnknownOption(CommandSpec command, string name)
    {
        var named = command.Options.Where(o => !o.Positional).Select(o => "--" + o.Name).ToList();
        return named.Count == 0
            ? $"Unknown option --{CommandText.Shorten(name)}: /papers {command.Name} takes no options."
            : $"Unknown option --{CommandText.Shorten(name)}. /papers {command.Name} takes {string.Join(", ", named)}.";
    }

    private static bool IsOption(string word) => word.Length > 2 && word.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(word[2]);

    private static (string Name, string? Value) Split(string option)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (option, null) : (option[..equals], option[(equals + 1)..]);
    }

    // Words split at white space outside double quotes; a quoted phrase stays one word with its quotes.
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                continue;
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
