namespace PaperBot.Discord.Json;

/// <summary>An emoji: a Unicode one has a null <see cref="Id"/> and the character as <see cref="Name"/>.</summary>
internal sealed record PartialEmoji(string? Id, string? Name);
