using System.Globalization;
using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;

namespace PaperBot.ConsoleChannel;

/// <summary>Renders command results and new papers as plain terminal text: one switch over the results.</summary>
public sealed class ConsoleRenderer
{
    private const int Width = 100;
    private const int AbstractLimit = 600;
    private const int AuthorsShown = 5;

    public string Render(CommandResult result)
    {
        var text = new StringBuilder();
        switch (result)
        {
            case PaperPosted posted:
                RenderCard(text, posted);
                break;
            case PaperListResult list:
                RenderList(text, list);
                break;
            case ConfirmationResult confirmation:
                text.AppendLine($"✓ {confirmation.Message}");
                break;
            case ErrorResult error:
                text.AppendLine($"✗ {error.Message}");
                if (error.Hint is not null)
                {
                    text.AppendLine($"  {error.Hint}");
                }

                break;
            case HelpResult help:
                RenderHelp(text, help);
                break;
            case SubscriptionListResult subscriptions:
                RenderSubscriptions(text, subscriptions);
                break;
            case SavedListResult saved:
                RenderSaved(text, saved);
                break;
            case FileResult file:
                text.AppendLine($"✓ {file.Summary} ({file.FileName}, {file.Content.Length} bytes)");
                break;
            default:
                throw new InvalidOperationException($"The console cannot render {result.GetType().Name}.");
        }

        return text.ToString();
    }

    private static void RenderCard(StringBuilder text, PaperPosted posted)
    {
        var paper = posted.Paper;
        text.AppendLine(new string('─', Width));
        text.AppendLine($"New paper: {paper.Title}");
        text.AppendLine($"  ▲ {paper.Upvotes} · {Byline(paper)} · {FormatDate(paper)}");
        if (posted.Topics.Count > 0)
        {
            text.AppendLine($"  Matched: {string.Join("; ", posted.Topics)}");
        }

        foreach (var line in TextLayout.Wrap(TextLayout.Shorten(paper.Abstract, AbstractLimit), Width - 2))
        {
            text.AppendLine($"  {line}");
        }

        text.AppendLine($"  {paper.HuggingFaceUrl}");
        text.AppendLine($"  arXiv {paper.ArxivUrl} · PDF {paper.PdfUrl}" + Links(paper));
        text.AppendLine($"  Save it: /papers save {paper.ArxivId}");
    }

    private static void RenderList(StringBuilder text, PaperListResult list)
    {
        if (list.Notice is not null)
        {
            text.AppendLine(list.Notice);
        }

        var range = list.Total == 0 ? "no papers" : $"{list.FirstNumber}-{list.FirstNumber + list.Papers.Count - 1} of {list.Total}";
        text.AppendLine($"{list.Heading} ({range})");
        var number = list.FirstNumber;
        foreach (var paper in list.Papers)
        {
            text.AppendLine($"{number++,3}. ▲{paper.Upvotes,-4} {paper.Title}");
            text.AppendLine($"          {Byline(paper)} · {paper.HuggingFaceUrl}");
        }

        if (list.More is not null)
        {
            text.AppendLine($"More: {TextSyntax.Instance.Write(list.More)}");
        }
    }

    private static void RenderHelp(StringBuilder text, HelpResult help)
    {
        if (help.Preface is not null)
        {
            text.AppendLine(help.Preface);
        }

        var usages = help.Commands.Select(TextSyntax.Instance.Usage).ToList();
        var width = usages.Max(u => u.Length);
        for (var i = 0; i < usages.Count; i++)
        {
            var example = help.Commands[i].Example is { } e ? $", e.g. {TextSyntax.Instance.Write(e)}" : "";
            text.AppendLine($"  {usages[i].PadRight(width)}  {help.Commands[i].Description}{example}.");
        }
    }

    private static void RenderSubscriptions(StringBuilder text, SubscriptionListResult list)
    {
        if (list.PausedReason is not null)
        {
            text.AppendLine($"Posting to this channel is paused: {list.PausedReason}");
        }

        if (list.Subscriptions.Count == 0)
        {
            text.AppendLine("This channel has no subscriptions. Add one with /papers subscribe <query>.");
            return;
        }

        text.AppendLine($"This channel's subscriptions ({list.Subscriptions.Count}):");
        foreach (var subscription in list.Subscriptions)
        {
            text.AppendLine($"  #{subscription.Id}  {subscription.Query}  ({subscription.Options})");
        }
    }

    private static void RenderSaved(StringBuilder text, SavedListResult saved)
    {
        if (saved.Entries.Count == 0)
        {
            text.AppendLine(saved.Filter is null
                ? "Your reading list is empty. Save a paper with /papers save <arxiv id>."
                : $"No paper on your reading list matches {saved.Filter}.");
            return;
        }

        text.AppendLine(saved.Filter is null
            ? $"Your reading list ({saved.Entries.Count}):"
            : $"Your reading list, matching {saved.Filter} ({saved.Entries.Count}):");
        foreach (var entry in saved.Entries)
        {
            var title = entry.Paper?.Title ?? "(not in the Daily Papers PaperBot has seen)";
            var date = entry.Saved.SavedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.AppendLine($"  {entry.Saved.ArxivId,-16} {title}  (saved {date})");
        }
    }

    private static string Byline(Paper paper)
    {
        var authors = paper.Authors.Count switch
        {
            0 => paper.Organization ?? "unknown authors",
            <= AuthorsShown => string.Join(", ", paper.Authors),
            _ => string.Join(", ", paper.Authors.Take(AuthorsShown)) + " et al.",
        };
        return paper.Organization is not null && paper.Authors.Count > 0 ? $"{authors} ({paper.Organization})" : authors;
    }

    private static string FormatDate(Paper paper) =>
        (paper.PublishedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : paper.ListedOn)
            .ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Links(Paper paper) =>
        (paper.GithubRepo is null ? "" : $" · code {paper.GithubRepo}") + (paper.ProjectPage is null ? "" : $" · project {paper.ProjectPage}");
}
