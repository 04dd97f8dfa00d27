namespace PaperBot.Discord.Json;

/// <summary>A message component: an action row (type 1) holding buttons (type 2).</summary>
internal sealed record Component
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int PrimaryStyle = 1;
    public const int LinkStyle = 5;

    public int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? Url { get; init; }

    public string? CustomId { get; init; }

    public PartialEmoji? Emoji { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }
}
