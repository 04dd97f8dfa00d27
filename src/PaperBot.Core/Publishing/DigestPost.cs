using PaperBot.Core.Papers;

namespace PaperBot.Core.Publishing;

/// <summary>A daily digest posted to a channel: its heading and its papers, most upvoted first.</summary>
public sealed record DigestPost(string Heading, IReadOnlyList<Paper> Papers) : DeliveryMessage;
