namespace PaperBot.Core.Commands;

/// <summary>A value to suggest while someone types an option (Discord's autocomplete): what they see and what the command receives.</summary>
public sealed record Suggestion(string Label, string Value);
