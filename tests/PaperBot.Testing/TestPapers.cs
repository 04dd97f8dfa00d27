using PaperBot.Core.Papers;

namespace PaperBot.Testing;

/// <summary>Builds papers for tests with sensible defaults.</summary>
public static class TestPapers
{
    public static readonly DateOnly Day = new(2026, 11, 24);

    public static Paper Make(
        string id,
        string title,
        int upvotes = 1,
        DateOnly? listedOn = null,
        string? abstractText = null,
        string[]? authors = null,
        string[]? keywords = null) => new()
    {
        ArxivId = id,
        Title = title,
        Abstract = abstractText ?? $"We study {title.ToLowerInvariant()}.",
        Authors = authors ?? ["Ada Lovelace", "Alan Turing"],
        Keywords = keywords ?? [],
        Upvotes = upvotes,
        ListedOn = listedOn ?? Day,
        PublishedAt = new DateTimeOffset((listedOn ?? Day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-2),
    };
}
