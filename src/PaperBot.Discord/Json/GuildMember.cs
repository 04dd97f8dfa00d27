namespace PaperBot.Discord.Json;

/// <summary>A guild member; <see cref="Permissions"/> is the decimal bitset of the member's permissions in the channel.</summary>
internal sealed record GuildMember(DiscordUser? User, string? Permissions);
