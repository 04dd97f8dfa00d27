using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Presentation;
using PaperBot.Core.Publishing;

namespace PaperBot.ConsoleChannel;

/// <summary>Maps the shared views of command results, new papers and digests to plain terminal text.</summary>
public sealed class ConsoleRenderer
{
    private const int Width = 100;
    private const int AbstractLimit = 600;

    private static TextSyntax Syntax => TextSyntax.Instance;

    public string Render(CommandResult result)
    {
        var text = new StringBuilder();
        switch (result)
        {
            case PaperListResult list:
                RenderList(text, Views.List(list));
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
                RenderSubscriptions(text, Views.Subscriptions(subscriptions));
                break;
            case SavedListResult saved:
                RenderSaved(text, Views.Saved(saved));
                break;
            case FileResult file:
                text.AppendLine($"✓ {file.Summary} ({file.FileName}, {file.Content.Length} bytes)");
                break;
            default:
                throw new InvalidOperationException($"The console cannot render {result.GetType().Name}.");
        }

        return text.ToString();
    }

    /// <summary>A new paper posted to the console channel.</summary>
    public string Render(PaperPosted post)
    {
        var text = new StringBuilder();
        RenderCard(text, Views.Card(post));
        return text.ToString();
    }

    /// <summary>A daily digest posted to the console channel.</summary>
    public string Render(DigestPost digest)
    {
        var text = new StringBuilder();
        RenderList(text, Views.Digest(digest));
        return text.ToString();
    }

    private static void RenderCard(StringBuilder text, PaperCardView card)
    {
        text.AppendLine(new string('─', Width));
        text.AppendLine($"New paper: {card.Title}");
        text.AppendLine($"  ▲ {card.Upvotes} · {card.Byline} · {card.Date}");
        if (card.Topics.Count > 0)
        {
            text.AppendLine($"  Matched: {string.Join("; ", card.Topics)}");
        }

        foreach (var line in TextLayout.Wrap(TextLayout.Shorten(card.Abstract, AbstractLimit), Width - 2))
        {
            text.AppendLine($"  {line}");
        }

        text.AppendLine($"  {card.Url}");
        text.AppendLine("  " + string.Join(" · ", card.Links.Select(l => $"{l.Label} {l.Url}")));
        text.AppendLine($"  Save it: {Syntax.Write(new CommandInvocation("save", [new(CommonOptions.ArxivId, card.ArxivId)]))}");
    }

    private static void RenderList(StringBuilder text, PaperListView list)
    {
        if (list.Notice is not null)
        {
            text.AppendLine(list.Notice);
        }

        text.AppendLine(list.Title);
        foreach (var paper in list.Lines)
        {
            text.AppendLine($"{paper.Number,3}. ▲{paper.Upvotes,-4} {paper.Title}");
            text.AppendLine($"          {paper.Byline} · {paper.ArxivId} · {paper.Url}");
        }

        if (list.More is not null)
        {
            text.AppendLine($"More: {Syntax.Write(list.More)}");
        }
    }

    private static void RenderHelp(StringBuilder text, HelpResult help)
    {
        if (help.Preface is not null)
        {
            text.AppendLine(help.Preface);
        }

        var usages = help.Commands.Select(Syntax.Usage).ToList();
        var width = usages.Max(u => u.Length);
        for (var i = 0; i < usages.Count; i++)
        {
            var example = help.Commands[i].Example is { } e ? $", e.g. {Syntax.Write(e)}" : "";
            text.AppendLine($"  {usages[i].PadRight(width)}  {help.Commands[i].Description}{example}.");
        }
    }

    private static void RenderSubscriptions(StringBuilder text, SubscriptionListView list)
    {
        if (list.Paused is not null)
        {
            text.AppendLine(list.Paused);
        }

        text.AppendLine(list.Lines.Count == 0 ? $"{list.Title} Add one with /papers subscribe <query>." : list.Title);
        foreach (var subscription in list.Lines)
        {
            text.AppendLine($"  #{subscription.Id}  {subscription.Query}  ({subscription.Options})");
        }
    }

    private static void RenderSaved(StringBuilder text, SavedListView saved)
    {
        if (saved.Lines.Count == 0)
        {
            text.AppendLine(saved.Filtered ? saved.Empty : $"{saved.Empty} Save a paper with /papers save <arxiv id>.");
            return;
        }

        text.AppendLine($"{saved.Title}:");
        foreach (var entry in saved.Lines)
        {
            text.AppendLine($"  {entry.ArxivId,-16} {entry.Title ?? "(not in the Daily Papers PaperBot has seen)"}  (saved {entry.SavedOn})");
        }
    }
}
