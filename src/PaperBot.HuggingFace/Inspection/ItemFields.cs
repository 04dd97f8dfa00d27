namespace PaperBot.HuggingFace.Inspection;

/// <summary>The fields a listing item carried (either copy, under <c>paper</c> or at the top level).</summary>
[Flags]
public enum ItemFields
{
    None = 0,
    Title = 1 << 0,
    Abstract = 1 << 1,
    Authors = 1 << 2,
    ArxivPublishedAt = 1 << 3,
    SubmittedOnDailyAt = 1 << 4,
    Upvotes = 1 << 5,
    Comments = 1 << 6,
    Keywords = 1 << 7,
    AiSummary = 1 << 8,
    Organization = 1 << 9,
    GithubRepo = 1 << 10,
    ProjectPage = 1 << 11,
    MediaUrls = 1 << 12,
    Thumbnail = 1 << 13,
}
