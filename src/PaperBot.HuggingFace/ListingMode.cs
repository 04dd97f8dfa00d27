namespace PaperBot.HuggingFace;

/// <summary>Which Hugging Face endpoint PaperBot reads the Daily Papers listing from.</summary>
public enum ListingMode
{
    /// <summary>The server-rendered page (<c>/papers</c>, <c>/papers/date/YYYY-MM-DD</c>).</summary>
    Page,

    /// <summary>The JSON API (<c>/api/daily_papers</c>).</summary>
    Api,
}
