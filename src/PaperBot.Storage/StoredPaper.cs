using PaperBot.Core.Papers;

namespace PaperBot.Storage;

/// <summary>A paper as a store keeps it: with the time PaperBot first recorded it, which the <see cref="Paper"/> record leaves out.</summary>
public sealed record StoredPaper(Paper Paper, DateTimeOffset? FirstSeenAt);
