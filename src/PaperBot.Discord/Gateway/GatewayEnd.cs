namespace PaperBot.Discord.Gateway;

/// <summary>Why a Gateway connection ended and what comes next.</summary>
internal sealed record GatewayEnd(GatewayNext Next, string Reason);
