namespace PaperBot.Discord.Json;

/// <summary>The message a component (a button) belongs to.</summary>
internal sealed record InteractionMessage(string Id);
