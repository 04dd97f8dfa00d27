namespace PaperBot.Core.Presentation;

/// <summary>A posted paper: what every surface shows of it, and the links it offers.</summary>
public sealed record PaperCardView(
    string ArxivId,
    string Title,
    string Url,
    string Abstract,
    string Byline,
    int Upvotes,
    string Date,
    IReadOnlyList<string> Topics,
    IReadOnlyList<LinkView> Links,
    string? ThumbnailUrl);

/// <summary>A link button or link text: arXiv, PDF, code, project page.</summary>
public sealed record LinkView(string Label, string Url);
