using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Presentation;
using PaperBot.Core.Publishing;

namespace PaperBot.Slack.Blocks;

/// <summary>Turns a command result into a Slack reply: the shared views (<see cref="Views"/>) mapped to Block Kit.</summary>
internal static class ResultRenderer
{
    public static SlackMessage Render(CommandResult result)
    {
        var message = result switch
        {
            PaperListResult list => RenderList(Views.List(list)),
            ConfirmationResult confirmation => Text($":white_check_mark: {Mrkdwn.Escape(confirmation.Message)}", confirmation.Message),
            ErrorResult error => Text(
                $":warning: {Mrkdwn.Escape(error.Message)}" + (error.Hint is null ? "" : $"\n_{Mrkdwn.Escape(error.Hint)}_"),
                error.Message),
            HelpResult help => RenderHelp(help),
            SubscriptionListResult subscriptions => RenderSubscriptions(subscriptions),
            SavedListResult saved => RenderSaved(saved),
            FileResult file => RenderFile(file),
            _ => throw new InvalidOperationException($"Slack cannot render {result.GetType().Name}."),
        };
        return message with { ResponseType = result.Private ? "ephemeral" : "in_channel" };
    }

    private static SlackMessage Text(string mrkdwn, string fallback) =>
        new(Mrkdwn.Fit(fallback, BlockLimits.FallbackText), [new SectionBlock(SlackText.Markdown(Mrkdwn.Fit(mrkdwn, BlockLimits.SectionText)))]);

    /// <summary>A new paper posted to a channel.</summary>
    public static SlackMessage Render(PaperPosted post) => new(PaperBlocks.Fallback(post.Paper), PaperBlocks.Card(post));

    /// <summary>A daily digest posted to a channel.</summary>
    public static SlackMessage Render(DigestPost digest) => RenderList(Views.Digest(digest));

    private static SlackMessage RenderList(PaperListView list)
    {
        var blocks = new List<SlackBlock>();
        if (list.Notice is not null)
        {
            blocks.Add(new ContextBlock([SlackText.Markdown(Mrkdwn.EscapeAndCut(list.Notice, BlockLimits.ContextElementText))]));
        }

        blocks.Add(new SectionBlock(SlackText.Markdown($"*{Mrkdwn.EscapeAndCut(list.Title, 1000)}*")));
        SectionPacker.Pack(blocks, list.Lines.Count == 0 ? [Mrkdwn.Escape(list.Empty)] : list.Lines.Select(PaperLine), "…and {0} more.");
        if (list.More is not null)
        {
            blocks.Add(new ContextBlock([SlackText.Markdown($"More: `{Mrkdwn.EscapeAndCut(TextSyntax.Instance.Write(list.More), 1000)}`")]));
        }

        return new SlackMessage(Mrkdwn.Fit(list.Title, BlockLimits.FallbackText), blocks);
    }

    private static string PaperLine(PaperLineView paper) =>
        $"*{paper.Number.ToString(CultureInfo.InvariantCulture)}.* {Mrkdwn.Link(paper.Url, Mrkdwn.Fit(paper.Title, 300))}  ▲ {paper.Upvotes.ToString(CultureInfo.InvariantCulture)}\n" +
        $"      {Mrkdwn.EscapeAndCut(paper.Byline, 300)} · `{paper.ArxivId}`";

    private static SlackMessage RenderHelp(HelpResult help)
    {
        var blocks = new List<SlackBlock>();
        if (help.Preface is not null)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(Mrkdwn.EscapeAndCut(help.Preface, BlockLimits.SectionText))));
        }

        SectionPacker.Pack(blocks, help.Commands.Select(HelpLine), "…and {0} more.");
        return new SlackMessage(Mrkdwn.Fit(help.Preface ?? "PaperBot commands", BlockLimits.FallbackText), blocks);
    }

    private static string HelpLine(CommandSpec command) =>
        $"`{Mrkdwn.Escape(TextSyntax.Instance.Usage(command))}`  {Mrkdwn.Escape(command.Description)}" +
        (command.Example is { } example ? $", e.g. `{Mrkdwn.Escape(TextSyntax.Instance.Write(example))}`." : ".");

    private static SlackMessage RenderSubscriptions(SubscriptionListResult result)
    {
        var list = Views.Subscriptions(result);
        var blocks = new List<SlackBlock>();
        if (list.Paused is not null)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(Mrkdwn.EscapeAndCut($":double_vertical_bar: {list.Paused}", BlockLimits.SectionText))));
        }

        if (list.Lines.Count == 0)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown($"{Mrkdwn.Escape(list.Title)} Add one with `/papers subscribe &lt;query&gt;`.")));
            return new SlackMessage(list.Title, blocks);
        }

        blocks.Add(new SectionBlock(SlackText.Markdown($"*{Mrkdwn.Escape(list.Title)}*")));
        SectionPacker.Pack(blocks, list.Lines.Select(SubscriptionLine), "…and {0} more.");
        return new SlackMessage(list.Paused ?? list.Title, blocks);
    }

    // The options as every surface shows them (instant or digest time and zone, upvote floor), after the query.
    private static string SubscriptionLine(SubscriptionLineView subscription) =>
        $"`#{subscription.Id.ToString(CultureInfo.InvariantCulture)}`  {Mrkdwn.EscapeAndCut(subscription.Query, 1000)}  ({Mrkdwn.Escape(subscription.Options)})";

    private static SlackMessage RenderSaved(SavedListResult result)
    {
        var saved = Views.Saved(result);
        if (saved.Lines.Count == 0)
        {
            return saved.Filtered
                ? Text(Mrkdwn.EscapeAndCut(saved.Empty, 2000), saved.Empty)
                : Text($"{Mrkdwn.Escape(saved.Empty)} Save a paper with `/papers save &lt;arxiv id&gt;` or its Save button.", saved.Empty);
        }

        var heading = saved.Title + ":";
        var blocks = new List<SlackBlock> { new SectionBlock(SlackText.Markdown($"*{Mrkdwn.EscapeAndCut(heading, 1000)}*")) };
        SectionPacker.Pack(blocks, saved.Lines.Select(SavedLine), "…and {0} more on your list.");
        return new SlackMessage(Mrkdwn.Fit(heading, BlockLimits.FallbackText), blocks);
    }

    /// <summary>
    /// An export inline as a code block, shown to the caller only. Slash commands send exports as files
    /// (<see cref="Files.SlackFileSender"/>); this is what the caller sees when that upload fails.
    /// A file longer than one message is cut, and the reply says so.
    /// </summary>
    private static SlackMessage RenderFile(FileResult file)
    {
        const int room = BlockLimits.SectionText - 8;
        var text = System.Text.Encoding.UTF8.GetString(file.Content).Replace("```", "` ` `", StringComparison.Ordinal);
        var shown = Mrkdwn.EscapeAndCut(text, room);
        var blocks = new List<SlackBlock>
        {
            new SectionBlock(SlackText.Markdown(Mrkdwn.EscapeAndCut($"{file.Summary} ({file.FileName})", BlockLimits.SectionText))),
            new SectionBlock(SlackText.Markdown($"```{shown}```")),
        };
        if (shown.Length < Mrkdwn.Escape(text).Length)
        {
            blocks.Add(new ContextBlock([SlackText.Markdown(
                $"The file is longer than one Slack message can show; this is its start ({text.Length.ToString(CultureInfo.InvariantCulture)} characters in all).")]));
        }

        return new SlackMessage(Mrkdwn.Fit(file.Summary, BlockLimits.FallbackText), blocks);
    }

    private static string SavedLine(SavedLineView entry)
    {
        var title = entry.Title is { } known
            ? Mrkdwn.Link(entry.Url, Mrkdwn.Fit(known, 300))
            : $"{Mrkdwn.Link(entry.Url, entry.ArxivId)} _(not in the Daily Papers PaperBot has seen)_";
        return $"`{entry.ArxivId}`  {title}  (saved {entry.SavedOn})";
    }
}
