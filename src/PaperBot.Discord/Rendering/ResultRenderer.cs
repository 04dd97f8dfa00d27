using System.Globalization;
using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// Command results as Discord messages: one switch over the shared layer's sealed results. Private results
/// are ephemeral; every message fits Discord's limits and can ping no one.
/// </summary>
internal sealed class ResultRenderer(PaperMessageBuilder papers)
{
    public MessagePayload Render(CommandResult result)
    {
        var message = result switch
        {
            PaperPosted posted => papers.Build(posted),
            PaperListResult list => RenderList(list),
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
    internal static MessagePayload RenderList(PaperListResult list)
    {
        var range = list.Total == 0 ? "no papers" : $"{list.FirstNumber}-{list.FirstNumber + list.Papers.Count - 1} of {list.Total}";
        var lines = new List<string>();
        var number = list.FirstNumber;
        foreach (var paper in list.Papers)
        {
            lines.Add($"**{number++}.** {Markdown.Link(paper.Title, paper.HuggingFaceUrl, 200)} · ▲ {paper.Upvotes.ToString(CultureInfo.InvariantCulture)}\n" +
                TextFit.Fit(Markdown.Escape(PaperMessageBuilder.Byline(paper)), 200) + $" · `{paper.ArxivId}`");
        }

        var embed = new Embed
        {
            Title = TextFit.Fit(TextFit.OneLine($"{list.Heading} ({range})", "Daily Papers"), EmbedLimits.Title),
            Description = Join(lines, EmbedLimits.Description, list.Papers.Count == 0 ? "Nothing to show." : ""),
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

    private static MessagePayload RenderSubscriptions(SubscriptionListResult list)
    {
        var lines = new List<string>();
        if (list.PausedReason is not null)
        {
            lines.Add($"⏸️ Posting to this channel is paused: {list.PausedReason}");
        }

        if (list.Subscriptions.Count == 0)
        {
            lines.Add("This channel has no subscriptions. Add one with `/papers subscribe`.");
        }
        else
        {
            lines.Add($"This channel's subscriptions ({list.Subscriptions.Count}):");
            lines.AddRange(list.Subscriptions.Select(s => $"`#{s.Id}` {Markdown.Escape(TextFit.Fit(s.Query, 300))}" +
                (s.Options == Core.Channels.SubscriptionOptions.Default ? "" : $" ({s.Options})")));
        }

        return new MessagePayload { Content = Join(lines, EmbedLimits.Content, "") };
    }

    private static MessagePayload RenderSaved(SavedListResult saved)
    {
        if (saved.Entries.Count == 0)
        {
            return Text(saved.Filter is null
                ? "Your reading list is empty. Save a paper with its Save button, a 🔖 reaction or `/papers save`."
                : $"No paper on your reading list matches {Markdown.Escape(saved.Filter)}.");
        }

        var lines = saved.Entries.Select(entry =>
        {
            var date = entry.Saved.SavedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var title = entry.Paper is { } paper
                ? Markdown.Link(paper.Title, paper.HuggingFaceUrl, 200)
                : $"[arXiv {entry.Saved.ArxivId}]({Core.Papers.PaperLinks.ArxivAbstract(entry.Saved.ArxivId)})";
            return $"• {title} · `{entry.Saved.ArxivId}` · saved {date}";
        }).ToList();
        var embed = new Embed
        {
            Title = TextFit.Fit(saved.Filter is null
                ? $"Your reading list ({saved.Entries.Count})"
                : $"Your reading list, matching {TextFit.OneLine(saved.Filter, "?")} ({saved.Entries.Count})", EmbedLimits.Title),
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
