namespace PaperBot.Discord.Json;

/// <summary>Discord's error body; a 429 adds <see cref="RetryAfter"/> (seconds) and <see cref="Global"/>.</summary>
internal sealed record DiscordError(int? Code, string? Message, double? RetryAfter, bool? Global);
