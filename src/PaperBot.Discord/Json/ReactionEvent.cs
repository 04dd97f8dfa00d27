namespace PaperBot.Discord.Json;

/// <summary>The data of <c>MESSAGE_REACTION_ADD</c> and <c>MESSAGE_REACTION_REMOVE</c>.</summary>
internal sealed record ReactionEvent(string UserId, string ChannelId, string MessageId, string? GuildId, GuildMember? Member, PartialEmoji Emoji);
