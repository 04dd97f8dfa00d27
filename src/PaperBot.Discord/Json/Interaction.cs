namespace PaperBot.Discord.Json;

/// <summary>An interaction as Discord POSTs it; unknown fields are ignored.</summary>
internal sealed record Interaction(
    string? Id,
    string? ApplicationId,
    int Type,
    InteractionData? Data,
    string? GuildId,
    string? ChannelId,
    GuildMember? Member,
    DiscordUser? User,
    string? Token,
    InteractionMessage? Message)
{
    /// <summary>The invoker: the member's user in a guild, the user in a DM.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;
}
