namespace PaperBot.Core.Commands.Model;

/// <summary>One option's value in a <see cref="CommandInvocation"/>.</summary>
public sealed record OptionValue(CommandOptionSpec Option, string Value);
