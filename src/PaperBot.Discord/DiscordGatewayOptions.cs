namespace PaperBot.Discord;

/// <summary>The <c>Discord:Gateway</c> section: the WebSocket connection that delivers reactions.</summary>
public sealed class DiscordGatewayOptions
{
    /// <summary>Connect to the Gateway so reactions save papers. Slash commands and buttons work without it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A fixed Gateway address (ws:// or wss://) instead of asking <c>GET /gateway/bot</c>; for tests and proxies.</summary>
    public string? Url { get; set; }
}
