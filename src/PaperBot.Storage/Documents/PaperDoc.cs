using LiteDB;
using PaperBot.Core.Papers;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>papers</c> collection. <see cref="ListedOn"/> is a day number so it indexes and sorts as an int.</summary>
internal sealed class PaperDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Abstract { get; set; } = "";

    public List<string> Authors { get; set; } = [];

    public string? Organization { get; set; }

    public InstantDoc? PublishedAt { get; set; }

    public int ListedOn { get; set; }

    /// <summary>Where <see cref="ListedOn"/> came from (a <see cref="PaperDaySource"/> name); absent in stores written before version 2.</summary>
    public string? DaySource { get; set; }

    public int Upvotes { get; set; }

    public int Comments { get; set; }

    public string? GithubRepo { get; set; }

    public int? GithubStars { get; set; }

    public string? ProjectPage { get; set; }

    public List<string> Keywords { get; set; } = [];

    public string? ThumbnailUrl { get; set; }

    /// <summary>When PaperBot first recorded the paper; kept on every later upsert.</summary>
    public InstantDoc? FirstSeenAt { get; set; }

    /// <summary>The stored source; a day stored before sources were recorded is an estimate at best.</summary>
    [BsonIgnore]
    public PaperDaySource ParsedDaySource =>
        Enum.TryParse<PaperDaySource>(DaySource, out var source) && Enum.IsDefined(source) ? source : PaperDaySource.Estimated;

    public static PaperDoc From(Paper paper) => new()
    {
        Id = paper.ArxivId,
        Title = paper.Title,
        Abstract = paper.Abstract,
        Authors = [.. paper.Authors],
        Organization = paper.Organization,
        PublishedAt = InstantDoc.From(paper.PublishedAt),
        ListedOn = paper.ListedOn.DayNumber,
        DaySource = paper.ListedOnSource.ToString(),
        Upvotes = paper.Upvotes,
        Comments = paper.Comments,
        GithubRepo = paper.GithubRepo,
        GithubStars = paper.GithubStars,
        ProjectPage = paper.ProjectPage,
        Keywords = [.. paper.Keywords],
        ThumbnailUrl = paper.ThumbnailUrl,
    };

    public Paper ToPaper() => new()
    {
        ArxivId = Id,
        Title = Title,
        Abstract = Abstract,
        Authors = Authors,
        Organization = Organization,
        PublishedAt = PublishedAt?.ToDateTimeOffset(),
        ListedOn = DateOnly.FromDayNumber(ListedOn),
        ListedOnSource = ParsedDaySource,
        Upvotes = Upvotes,
        Comments = Comments,
        GithubRepo = GithubRepo,
        GithubStars = GithubStars,
        ProjectPage = ProjectPage,
        Keywords = Keywords,
        ThumbnailUrl = ThumbnailUrl,
    };
}
