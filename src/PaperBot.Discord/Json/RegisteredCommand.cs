namespace PaperBot.Discord.Json;

/// <summary>A command as Discord returns it after registration.</summary>
internal sealed record RegisteredCommand(string Id, string Name, IReadOnlyList<CommandOption>? Options);
