namespace PaperBot.Core.Channels;

/// <summary>A channel's standing topic query. <see cref="Query"/> is the normalised query text.</summary>
public sealed record Subscription(int Id, ChannelRef Channel, string Query, string CreatedBy, DateTimeOffset CreatedAt);
