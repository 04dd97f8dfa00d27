namespace PaperBot.Core.Papers;

/// <summary>One paper of the Hugging Face Daily Papers listing, normalised.</summary>
public sealed record Paper
{
    /// <summary>arXiv id without a version suffix (<c>2509.04664</c>, <c>hep-th/9901001</c>).</summary>
    public required string ArxivId { get; init; }

    public required string Title { get; init; }

    /// <summary>Abstract with hard line breaks folded and paragraphs kept (separated by a blank line).</summary>
    public string Abstract { get; init; } = "";

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Display name of the organization the paper was submitted under, when any.</summary>
    public string? Organization { get; init; }

    /// <summary>When the paper appeared on arXiv.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The papers-day on which it joined the Daily Papers listing (UTC date).</summary>
    public DateOnly ListedOn { get; init; }

    /// <summary>Where <see cref="ListedOn"/> came from; a guessed day is replaced when a listing names the real one.</summary>
    public PaperDaySource ListedOnSource { get; init; } = PaperDaySource.Listing;

    public int Upvotes { get; init; }

    public int Comments { get; init; }

    public string? GithubRepo { get; init; }

    public int? GithubStars { get; init; }

    public string? ProjectPage { get; init; }

    /// <summary>The listing's AI keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string? ThumbnailUrl { get; init; }

    public string HuggingFaceUrl => PaperLinks.HuggingFace(ArxivId);

    public string ArxivUrl => PaperLinks.ArxivAbstract(ArxivId);

    public string PdfUrl => PaperLinks.ArxivPdf(ArxivId);
}
