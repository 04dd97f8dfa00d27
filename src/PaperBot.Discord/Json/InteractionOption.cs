using System.Text.Json;

namespace PaperBot.Discord.Json;

/// <summary>One option of a command: a subcommand (with options of its own) or a typed value.</summary>
internal sealed record InteractionOption(
    string Name,
    int Type,
    JsonElement? Value,
    IReadOnlyList<InteractionOption>? Options,
    bool? Focused);
