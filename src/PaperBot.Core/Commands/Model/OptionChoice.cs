namespace PaperBot.Core.Commands.Model;

/// <summary>One allowed value of a choice option: what the user sees and what the command receives.</summary>
public sealed record OptionChoice(string Label, string Value);
