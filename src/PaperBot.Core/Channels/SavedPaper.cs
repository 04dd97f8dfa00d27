namespace PaperBot.Core.Channels;

/// <summary>An entry of a user's private reading list.</summary>
public sealed record SavedPaper(UserRef User, string ArxivId, DateTimeOffset SavedAt);
