namespace PaperBot.Discord.Json;

/// <summary>Which mentions in a message may ping; PaperBot always sends none.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}
