namespace PaperBot.Discord.Json;

internal sealed record Embed
{
    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedImage? Thumbnail { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedAuthor? Author { get; init; }

    /// <summary>ISO 8601.</summary>
    public string? Timestamp { get; init; }
}
