using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Publishing;

namespace PaperBot.Core.Presentation;

/// <summary>
/// Turns results into neutral views once, so the console, Discord and Slack show the same facts in the same words
/// (ranges, empty states with their filter, subscription options, bylines, dates); adapters only map views to text,
/// embeds or Block Kit.
/// </summary>
public static class Views
{
    public static PaperListView List(PaperListResult list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var range = list.Total == 0
            ? "no papers"
            : $"{Number(list.FirstNumber)}-{Number(list.FirstNumber + list.Papers.Count - 1)} of {Number(list.Total)}";
        var lines = list.Papers.Select((paper, i) => Line(list.FirstNumber + i, paper)).ToList();
        return new PaperListView($"{list.Heading} ({range})", list.Notice, lines, list.More, "Nothing to show.");
    }

    /// <summary>A digest as a list: all its papers, numbered from 1, with no next page.</summary>
    public static PaperListView Digest(DigestPost digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return List(new PaperListResult(digest.Heading, digest.Papers, 1, digest.Papers.Count, null, null));
    }

    public static PaperLineView Line(int number, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return new(number, paper.ArxivId, paper.Title, paper.HuggingFaceUrl, paper.Upvotes, PaperFacts.Byline(paper));
    }

    public static SavedListView Saved(SavedListResult saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var count = Number(saved.Entries.Count);
        var title = saved.Filter is null ? $"Your reading list ({count})" : $"Your reading list, matching {saved.Filter} ({count})";
        var empty = saved.Filter is null ? "Your reading list is empty." : $"No paper on your reading list matches {saved.Filter}.";
        var lines = saved.Entries.Select(e => new SavedLineView(
            e.Saved.ArxivId,
            e.Paper?.Title,
            e.Paper?.HuggingFaceUrl ?? PaperLinks.ArxivAbstract(e.Saved.ArxivId),
            PaperFacts.Day(e.Saved.SavedAt))).ToList();
        return new SavedListView(title, lines, empty, saved.Filter is not null);
    }

    public static SubscriptionListView Subscriptions(SubscriptionListResult list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var paused = list.PausedReason is null ? null : $"Posting to this channel is paused: {list.PausedReason}";
        var title = list.Subscriptions.Count == 0
            ? "This channel has no subscriptions."
            : $"This channel's subscriptions ({Number(list.Subscriptions.Count)}):";
        var lines = list.Subscriptions.Select(s => new SubscriptionLineView(s.Id, s.Query, s.Options.ToString())).ToList();
        return new SubscriptionListView(paused, title, lines);
    }

    public static PaperCardView Card(PaperPosted post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var paper = post.Paper;
        var links = new List<LinkView> { new("arXiv", paper.ArxivUrl), new("PDF", paper.PdfUrl) };
        if (WebUrl(paper.GithubRepo) is { } code)
        {
            links.Add(new("Code", code));
        }

        if (WebUrl(paper.ProjectPage) is { } project)
        {
            links.Add(new("Project page", project));
        }

        return new PaperCardView(paper.ArxivId, paper.Title, paper.HuggingFaceUrl, paper.Abstract.Trim(), PaperFacts.Byline(paper), paper.Upvotes,
            PaperFacts.Date(paper), post.Topics, links, WebUrl(paper.ThumbnailUrl));
    }

    /// <summary>A listing-supplied URL when it is an absolute http(s) URL; otherwise null (no link is offered).</summary>
    public static string? WebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
