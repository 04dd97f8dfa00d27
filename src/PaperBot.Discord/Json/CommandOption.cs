namespace PaperBot.Discord.Json;

internal sealed record CommandOption
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;

    public required int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    public IReadOnlyList<CommandOption>? Options { get; init; }
}
