using PaperBot.Core.Channels;

namespace PaperBot.Core.Saving;

/// <summary>A reaction on a message, as an adapter read it off its platform's event.</summary>
/// <param name="Channel">Where the message is.</param>
/// <param name="MessageId">The platform's message id (Slack: its ts).</param>
/// <param name="User">Who reacted.</param>
/// <param name="Added">True for a reaction added, false for one removed.</param>
/// <param name="IsSaveReaction">Whether the emoji is the configured save reaction (each platform compares emoji its own way).</param>
/// <param name="ByBot">Whether PaperBot itself reacted (its save hint under its own post).</param>
public sealed record PostReaction(ChannelRef Channel, string MessageId, UserRef User, bool Added, bool IsSaveReaction, bool ByBot);
