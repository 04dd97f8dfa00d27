namespace PaperBot.Core.Commands.Model;

/// <summary>What a command option holds, which decides how each surface asks for it and reads it.</summary>
public enum OptionKind
{
    /// <summary>Free text (a query, an id).</summary>
    Text,

    /// <summary>A whole number, within the option's range.</summary>
    Integer,

    /// <summary>One of the option's <see cref="CommandOptionSpec.Choices"/>.</summary>
    Choice,

    /// <summary>A daily digest's time and zone (<c>09:00 Europe/Paris</c>); both parts optional.</summary>
    Digest,
}
