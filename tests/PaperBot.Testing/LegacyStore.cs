using LiteDB;
using PaperBot.Core.Papers;

namespace PaperBot.Testing;

/// <summary>
/// Writes a LiteDB file the way PaperBot wrote it before store schema version 2: no schema row, papers without a day
/// source, and each paper's day taken from the arXiv time (the item's top-level <c>publishedAt</c> shifted back four hours),
/// field for field as the earlier PaperDoc and PollStateDoc serialised them.
/// </summary>
public static class LegacyStore
{
    /// <param name="papers">Papers as the listing really has them (<see cref="Paper.ListedOn"/> the true day, <see cref="Paper.PublishedAt"/> the arXiv time).</param>
    /// <param name="firstSeenAt">When the earlier version first recorded each paper.</param>
    public static void Write(string path, IEnumerable<Paper> papers, Func<Paper, DateTimeOffset> firstSeenAt, DateOnly? lastListedDay)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Collation = Collation.Binary });
        var collection = db.GetCollection("papers");
        foreach (var paper in papers)
        {
            collection.Insert(Document(paper, WrongDay(paper), firstSeenAt(paper)));
        }

        collection.EnsureIndex("ListedOn");
        var poll = new BsonDocument
        {
            ["_id"] = "poll",
            ["Initialized"] = true,
            ["LastSuccessAt"] = Instant(papers.Select(firstSeenAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max()),
        };
        if (lastListedDay is { } day)
        {
            poll["LastListedDay"] = day.DayNumber;
        }

        db.GetCollection("meta").Insert(poll);
    }

    /// <summary>The day the earlier version stored: the UTC date of the arXiv time four hours back.</summary>
    public static DateOnly WrongDay(Paper paper) =>
        DateOnly.FromDateTime((paper.PublishedAt ?? throw new ArgumentException("the paper needs its arXiv time", nameof(paper))).UtcDateTime.AddHours(-4));

    private static BsonDocument Document(Paper paper, DateOnly storedDay, DateTimeOffset firstSeen)
    {
        var doc = new BsonDocument
        {
            ["_id"] = paper.ArxivId,
            ["Title"] = paper.Title,
            ["Abstract"] = paper.Abstract,
            ["Authors"] = new BsonArray(paper.Authors.Select(a => new BsonValue(a))),
            ["PublishedAt"] = Instant(paper.PublishedAt!.Value),
            ["ListedOn"] = storedDay.DayNumber,
            ["Upvotes"] = paper.Upvotes,
            ["Comments"] = paper.Comments,
            ["Keywords"] = new BsonArray(paper.Keywords.Select(k => new BsonValue(k))),
            ["FirstSeenAt"] = Instant(firstSeen),
        };
        if (paper.Organization is not null)
        {
            doc["Organization"] = paper.Organization;
        }

        return doc;
    }

    private static BsonDocument Instant(DateTimeOffset value) =>
        new() { ["UtcTicks"] = value.UtcTicks, ["OffsetMinutes"] = (int)value.Offset.TotalMinutes };
}
