namespace PaperBot.Discord.Json;

/// <summary>A slash command definition for the bulk-overwrite endpoints.</summary>
internal sealed record ApplicationCommand(
    string Name,
    string Description,
    IReadOnlyList<CommandOption> Options,
    IReadOnlyList<int> Contexts,
    IReadOnlyList<int> IntegrationTypes,
    int Type = 1);
