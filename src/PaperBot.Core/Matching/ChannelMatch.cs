using PaperBot.Core.Channels;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Matching;

/// <summary>One paper owed to one channel, with every topic of that channel it matched.</summary>
public sealed record ChannelMatch(ChannelRef Channel, Paper Paper, IReadOnlyList<string> Topics);
