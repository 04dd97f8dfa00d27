using PaperBot.Core.Channels;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Matching;

/// <summary>
/// One paper owed to one channel, with every topic of that channel it matched. A value, not an object: a batch
/// over a large subscription list yields a million of them, which as objects cost more in garbage collection than
/// the matching itself.
/// </summary>
public readonly record struct ChannelMatch(ChannelRef Channel, Paper Paper, IReadOnlyList<string> Topics);
