namespace PaperBot.Discord.Json;

/// <summary>The <c>data</c> of a command, component or autocomplete interaction.</summary>
internal sealed record InteractionData(
    string? Name,
    IReadOnlyList<InteractionOption>? Options,
    string? CustomId,
    int? ComponentType);
