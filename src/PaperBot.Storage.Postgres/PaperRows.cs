using Npgsql;
using PaperBot.Core.Papers;

namespace PaperBot.Storage.Postgres;

/// <summary>The <c>papers</c> table's columns in one fixed order, and a paper to and from them.</summary>
internal static class PaperRows
{
    public const string Columns = "arxiv_id, title, abstract, authors, organization, published_ticks, published_offset, listed_on, day_source, "
        + "upvotes, comments, github_repo, github_stars, project_page, keywords, thumbnail_url";

    public const string Insert = "INSERT INTO papers (" + Columns + ", first_seen_ticks, first_seen_offset) "
        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";

    /// <summary>A listed paper refreshes every mutable field; the caller decides the day (and keeps the first-seen time).</summary>
    public const string Upsert = Insert + " ON CONFLICT (arxiv_id) DO UPDATE SET title = excluded.title, abstract = excluded.abstract, "
        + "authors = excluded.authors, organization = excluded.organization, published_ticks = excluded.published_ticks, "
        + "published_offset = excluded.published_offset, listed_on = excluded.listed_on, day_source = excluded.day_source, "
        + "upvotes = excluded.upvotes, comments = excluded.comments, github_repo = excluded.github_repo, github_stars = excluded.github_stars, "
        + "project_page = excluded.project_page, keywords = excluded.keywords, thumbnail_url = excluded.thumbnail_url";

    public static object?[] Values(Paper paper, DateOnly listedOn, PaperDaySource source, DateTimeOffset? firstSeen) =>
    [
        paper.ArxivId, paper.Title, paper.Abstract, paper.Authors.ToArray(), paper.Organization,
        Rows.Ticks(paper.PublishedAt), Rows.Offset(paper.PublishedAt), listedOn, source.ToString(),
        paper.Upvotes, paper.Comments, paper.GithubRepo, paper.GithubStars, paper.ProjectPage, paper.Keywords.ToArray(), paper.ThumbnailUrl,
        Rows.Ticks(firstSeen), Rows.Offset(firstSeen),
    ];

    public static Paper Read(NpgsqlDataReader r) => new()
    {
        ArxivId = r.GetString(0),
        Title = r.GetString(1),
        Abstract = r.GetString(2),
        Authors = Rows.Texts(r, 3),
        Organization = Rows.Text(r, 4),
        PublishedAt = Rows.Instant(r, 5),
        ListedOn = r.GetFieldValue<DateOnly>(7),
        ListedOnSource = ParseSource(r.GetString(8)),
        Upvotes = r.GetInt32(9),
        Comments = r.GetInt32(10),
        GithubRepo = Rows.Text(r, 11),
        GithubStars = Rows.Int(r, 12),
        ProjectPage = Rows.Text(r, 13),
        Keywords = Rows.Texts(r, 14),
        ThumbnailUrl = Rows.Text(r, 15),
    };

    /// <summary>A source this version does not know counts as an estimate, as in the LiteDB store.</summary>
    public static PaperDaySource ParseSource(string? text) =>
        Enum.TryParse<PaperDaySource>(text, out var source) && Enum.IsDefined(source) ? source : PaperDaySource.Estimated;
}
