using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>A message PaperBot posted, so that a reaction or Save button on it can find its paper.</summary>
public sealed record PostedMessage(ChannelRef Channel, string MessageId, string ArxivId, DateTimeOffset PostedAt);
