using PaperBot.Core.Papers;

namespace PaperBot.Core.Publishing;

/// <summary>A new paper posted to a channel, with the topics (subscription queries) it matched: a delivery, not a command's answer.</summary>
public sealed record PaperPosted(Paper Paper, IReadOnlyList<string> Topics) : DeliveryMessage;
