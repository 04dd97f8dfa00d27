using System.Globalization;
using PaperBot.Core.Papers;

namespace PaperBot.Slack.Blocks;

/// <summary>The Block Kit card of one paper: linked title, abstract, a context line and buttons.</summary>
internal static class PaperBlocks
{
    public const string SaveActionId = "paperbot_save";

    private const int TitleLimit = 500;
    private const int AbstractLimit = 2800;
    private const int AuthorsLimit = 600;
    private const int AuthorsShown = 8;

    /// <summary>The card of a new paper posted to a channel, with the topics it matched.</summary>
    public static IReadOnlyList<SlackBlock> Card(Paper paper, IReadOnlyList<string> topics)
    {
        var blocks = new List<SlackBlock>
        {
            new SectionBlock(SlackText.Markdown($"*{Mrkdwn.Link(paper.HuggingFaceUrl, Cut(paper.Title, TitleLimit))}*")),
        };
        if (!string.IsNullOrWhiteSpace(paper.Abstract))
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(Mrkdwn.EscapeAndCut(paper.Abstract.Trim(), AbstractLimit))));
        }

        blocks.Add(new ContextBlock(ContextLine(paper, topics)));
        blocks.Add(new ActionsBlock($"paperbot_paper_{Cut(paper.ArxivId, 200)}", Buttons(paper)));
        return blocks;
    }

    /// <summary>The notification text of a posted paper (also what screen readers and old clients show).</summary>
    public static string Fallback(Paper paper) =>
        Mrkdwn.Fit($"New paper: {Cut(paper.Title, TitleLimit)} {paper.HuggingFaceUrl}", BlockLimits.FallbackText);

    /// <summary>"A, B, C et al." within <see cref="AuthorsLimit"/> characters, escaped.</summary>
    public static string Byline(Paper paper)
    {
        var authors = paper.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        var text = authors.Count switch
        {
            0 => paper.Organization ?? "Unknown authors",
            <= AuthorsShown => string.Join(", ", authors),
            _ => $"{string.Join(", ", authors.Take(AuthorsShown))} and {authors.Count - AuthorsShown} more",
        };
        if (paper.Organization is not null && authors.Count > 0)
        {
            text += $" ({paper.Organization})";
        }

        return Mrkdwn.EscapeAndCut(text, AuthorsLimit);
    }

    public static string Date(Paper paper) =>
        (paper.PublishedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : paper.ListedOn)
            .ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static List<SlackText> ContextLine(Paper paper, IReadOnlyList<string> topics)
    {
        var elements = new List<SlackText>
        {
            SlackText.Markdown(Byline(paper)),
            SlackText.Markdown($"▲ {paper.Upvotes.ToString(CultureInfo.InvariantCulture)} upvotes"),
            SlackText.Markdown(Date(paper)),
        };
        if (topics.Count > 0)
        {
            elements.Add(SlackText.Markdown(Mrkdwn.EscapeAndCut("Matched: " + string.Join("; ", topics), 500)));
        }

        return elements;
    }

    private static List<SlackButton> Buttons(Paper paper)
    {
        var buttons = new List<SlackButton>
        {
            new(SlackText.Plain("arXiv"), "paperbot_link_arxiv", Url: paper.ArxivUrl),
            new(SlackText.Plain("PDF"), "paperbot_link_pdf", Url: paper.PdfUrl),
        };
        if (UsableUrl(paper.GithubRepo) is { } github)
        {
            buttons.Add(new(SlackText.Plain("GitHub"), "paperbot_link_github", Url: github));
        }

        if (UsableUrl(paper.ProjectPage) is { } project)
        {
            buttons.Add(new(SlackText.Plain("Project page"), "paperbot_link_project", Url: project));
        }

        buttons.Add(new(SlackText.Plain("Save"), SaveActionId, Value: paper.ArxivId, Style: "primary"));
        return buttons;
    }

    /// <summary>A listing-supplied URL, when it is an absolute http(s) URL Slack accepts; otherwise null (no button).</summary>
    private static string? UsableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.AbsoluteUri.Length <= BlockLimits.ButtonUrl
            ? uri.AbsoluteUri
            : null;

    private static string Cut(string text, int limit) => text.Length <= limit ? text : Mrkdwn.Fit(text, limit);
}
