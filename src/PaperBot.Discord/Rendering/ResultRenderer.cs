using System.Globalization;
using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Presentation;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// Command results as Discord messages: the shared views (<see cref="Views"/>) mapped to embeds and text. Private results
/// are ephemeral; every message fits Discord's limits and can ping no one.
/// </summary>
internal sealed class ResultRenderer
{
    public MessagePayload Render(CommandResult result)
    {
        var message = result switch
        {
            PaperListResult list => RenderList(Views.List(list)),
            ConfirmationResult confirmation => Text("✅ " + confirmation.Message),
            ErrorResult error => Text("⚠️ " + error.Message + (error.Hint is null ? "" : "\n" + error.Hint)),
            HelpResult help => RenderHelp(help),
            SubscriptionListResult subscriptions => RenderSubscriptions(subscriptions),
            SavedListResult saved => RenderSaved(saved),
            FileResult file => Text("📄 " + file.Summary) with { Attachments = [new Attachment(0, file.FileName)] },
            _ => throw new InvalidOperationException($"Discord cannot render {result.GetType().Name}."),
        };
        return result.Private ? message with { Flags = MessagePayload.Ephemeral } : message;
    }

    private static MessagePayload Text(string content) => new() { Content = TextFit.Fit(content, EmbedLimits.Content) };

    /// <summary>A ranked list of papers (today, search, a daily digest) as one embed.</summary>
    internal static MessagePayload RenderList(PaperListView list)
    {
        var lines = list.Lines.Select(paper =>
            $"**{paper.Number.ToString(CultureInfo.InvariantCulture)}.** {Markdown.Link(paper.Title, paper.Url, 200)} · ▲ {paper.Upvotes.ToString(CultureInfo.InvariantCulture)}\n" +
            TextFit.Fit(Markdown.Escape(TextFit.OneLine(paper.Byline, "?")), 200) + $" · `{paper.ArxivId}`").ToList();
        var embed = new Embed
        {
            Title = TextFit.Fit(TextFit.OneLine(list.Title, "Daily Papers"), EmbedLimits.Title),
            Description = Join(lines, EmbedLimits.Description, list.Empty),
            Color = PaperMessageBuilder.Color,
            Footer = list.More is null ? null : new EmbedFooter(TextFit.Fit("More: " + DiscordSyntax.Instance.Write(list.More), 1000)),
        };
        return new MessagePayload
        {
            Content = list.Notice is null ? null : TextFit.Fit(Markdown.Escape(list.Notice), EmbedLimits.Content),
            Embeds = [embed],
        };
    }

    private static MessagePayload RenderHelp(HelpResult help)
    {
        var text = new StringBuilder();
        if (help.Preface is not null)
        {
            text.AppendLine(help.Preface);
        }

        foreach (var command in help.Commands)
        {
            var example = command.Example is { } e ? $", e.g. `{DiscordSyntax.Instance.Write(e)}`" : "";
            text.AppendLine($"`{DiscordSyntax.Instance.Usage(command)}` {command.Description}{example}.");
        }

        return Text(text.ToString());
    }

    private static MessagePayload RenderSubscriptions(SubscriptionListResult result)
    {
        var list = Views.Subscriptions(result);
        var lines = new List<string>();
        if (list.Paused is not null)
        {
            lines.Add($"⏸️ {Markdown.Escape(list.Paused)}");
        }

        lines.Add(list.Lines.Count == 0 ? $"{list.Title} Add one with `/papers subscribe`." : list.Title);
        lines.AddRange(list.Lines.Select(s =>
            $"`#{s.Id.ToString(CultureInfo.InvariantCulture)}` {Markdown.Escape(TextFit.Fit(s.Query, 300))} ({Markdown.Escape(s.Options)})"));
        return new MessagePayload { Content = Join(lines, EmbedLimits.Content, "") };
    }

    private static MessagePayload RenderSaved(SavedListResult result)
    {
        var saved = Views.Saved(result);
        if (saved.Lines.Count == 0)
        {
            return Text(saved.Filtered
                ? Markdown.Escape(saved.Empty)
                : $"{saved.Empty} Save a paper with its Save button, a 🔖 reaction or `/papers save`.");
        }

        var lines = saved.Lines.Select(entry =>
        {
            var title = entry.Title is { } known ? Markdown.Link(known, entry.Url, 200) : $"[arXiv {entry.ArxivId}]({entry.Url})";
            return $"• {title} · `{entry.ArxivId}` · saved {entry.SavedOn}";
        }).ToList();
        var embed = new Embed
        {
            Title = TextFit.Fit(TextFit.OneLine(saved.Title, "Your reading list"), EmbedLimits.Title),
            Description = Join(lines, EmbedLimits.Description, ""),
            Color = PaperMessageBuilder.Color,
        };
        return new MessagePayload { Embeds = [embed] };
    }

    /// <summary>Whole lines up to <paramref name="max"/> characters, then how many were left out.</summary>
    private static string Join(IReadOnlyList<string> lines, int max, string empty)
    {
        if (lines.Count == 0)
        {
            return empty;
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var more = $"\n…and {lines.Count - i} more";
            var separator = text.Length == 0 ? "" : "\n";
            if (text.Length + separator.Length + lines[i].Length + (i == lines.Count - 1 ? 0 : more.Length + 8) > max)
            {
                return text.Length == 0 ? TextFit.Fit(lines[i], max) : text.Append(more).ToString();
            }

            text.Append(separator).Append(lines[i]);
        }

        return text.ToString();
    }
}
