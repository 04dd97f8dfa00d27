using System.Globalization;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Interactions;

/// <summary>Who invoked an interaction, where, and whether they may manage the channel's subscriptions.</summary>
internal static class InteractionIdentity
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;

    public static CommandContext? ContextOf(Interaction interaction)
    {
        if (interaction.Invoker is not { } user || !Snowflake.IsValid(user.Id) || !Snowflake.IsValid(interaction.ChannelId))
        {
            return null;
        }

        return new CommandContext(
            new ChannelRef(DiscordRoutes.Platform, interaction.ChannelId),
            new UserRef(DiscordRoutes.Platform, user.Id, user.GlobalName ?? user.Username),
            CanManageChannel(interaction.Member));
    }

    /// <summary>
    /// Decided here from the permissions Discord computed for the member in this channel, not from the command's
    /// default permissions, which server admins can change. In a DM (no member) the channel is the caller's own.
    /// </summary>
    public static bool CanManageChannel(GuildMember? member)
    {
        if (member is null)
        {
            return true;
        }

        return ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && (bits & (Administrator | ManageChannels)) != 0;
    }
}
