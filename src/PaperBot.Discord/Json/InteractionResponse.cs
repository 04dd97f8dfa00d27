namespace PaperBot.Discord.Json;

/// <summary>The answer to an interaction (the HTTP response body).</summary>
internal sealed record InteractionResponse(int Type, MessagePayload? Data = null);
