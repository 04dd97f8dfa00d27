using PaperBot.Core.Channels;

namespace PaperBot.Core.Commands;

/// <summary>Who runs a command, and where.</summary>
/// <param name="Channel">The channel the command was typed in.</param>
/// <param name="User">The caller.</param>
/// <param name="CanManageChannel">
/// Whether the caller may change the channel's subscriptions (Discord: Manage Channels). Adapters decide;
/// the console's single user always can.
/// </param>
/// <param name="ManagerHint">
/// Who can change the channel instead, in the platform's terms, for the refusal; null for the Manage Channels wording.
/// </param>
public sealed record CommandContext(ChannelRef Channel, UserRef User, bool CanManageChannel = true, string? ManagerHint = null);
