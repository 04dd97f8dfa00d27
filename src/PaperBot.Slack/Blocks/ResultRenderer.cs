using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;

namespace PaperBot.Slack.Blocks;

/// <summary>Turns a command result into a Slack reply: one switch over the sealed results.</summary>
internal static class ResultRenderer
{
    public static SlackMessage Render(CommandResult result)
    {
        var message = result switch
        {
            PaperPosted posted => new SlackMessage(PaperBlocks.Fallback(posted.Paper), PaperBlocks.Card(posted.Paper, posted.Topics)),
            PaperListResult list => RenderList(list),
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

    private static SlackMessage RenderList(PaperListResult list)
    {
        var blocks = new List<SlackBlock>();
        if (list.Notice is not null)
        {
            blocks.Add(new ContextBlock([SlackText.Markdown(Mrkdwn.EscapeAndCut(list.Notice, BlockLimits.ContextElementText))]));
        }

        var range = list.Total == 0 ? "no papers" : $"{list.FirstNumber}-{list.FirstNumber + list.Papers.Count - 1} of {list.Total}";
        var heading = $"{list.Heading} ({range})";
        blocks.Add(new SectionBlock(SlackText.Markdown($"*{Mrkdwn.EscapeAndCut(heading, 1000)}*")));
        var number = list.FirstNumber;
        var lines = list.Papers.Select(p => PaperLine(number++, p));
        SectionPacker.Pack(blocks, lines, "…and {0} more.");
        if (list.More is not null)
        {
            blocks.Add(new ContextBlock([SlackText.Markdown($"More: `{Mrkdwn.EscapeAndCut(TextSyntax.Instance.Write(list.More), 1000)}`")]));
        }

        return new SlackMessage(Mrkdwn.Fit(heading, BlockLimits.FallbackText), blocks);
    }

    private static string PaperLine(int number, Paper paper) =>
        $"*{number.ToString(CultureInfo.InvariantCulture)}.* {Mrkdwn.Link(paper.HuggingFaceUrl, Mrkdwn.Fit(paper.Title, 300))}  ▲ {paper.Upvotes.ToString(CultureInfo.InvariantCulture)}\n" +
        $"      {Mrkdwn.Fit(PaperBlocks.Byline(paper), 300)} · `{paper.ArxivId}`";

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

    private static SlackMessage RenderSubscriptions(SubscriptionListResult list)
    {
        var blocks = new List<SlackBlock>();
        if (list.PausedReason is not null)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(
                Mrkdwn.EscapeAndCut($":double_vertical_bar: Posting to this channel is paused: {list.PausedReason}", BlockLimits.SectionText))));
        }

        if (list.Subscriptions.Count == 0)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown("This channel has no subscriptions. Add one with `/papers subscribe <query>`.".Replace("<query>", "&lt;query&gt;", StringComparison.Ordinal))));
            return new SlackMessage("This channel has no subscriptions.", blocks);
        }

        var heading = $"This channel's subscriptions ({list.Subscriptions.Count.ToString(CultureInfo.InvariantCulture)}):";
        blocks.Add(new SectionBlock(SlackText.Markdown($"*{heading}*")));
        SectionPacker.Pack(blocks, list.Subscriptions.Select(SubscriptionLine), "…and {0} more.");
        return new SlackMessage(list.PausedReason is null ? heading : $"Posting is paused: {list.PausedReason}", blocks);
    }

    // The options as every surface shows them (instant or digest time and zone, upvote floor), after the query.
    private static string SubscriptionLine(Core.Channels.Subscription subscription) =>
        $"`#{subscription.Id.ToString(CultureInfo.InvariantCulture)}`  {Mrkdwn.EscapeAndCut(subscription.Query, 1000)}" +
        (subscription.Options == Core.Channels.SubscriptionOptions.Default ? "" : $"  ({Mrkdwn.Escape(subscription.Options.ToString())})");

    private static SlackMessage RenderSaved(SavedListResult saved)
    {
        if (saved.Entries.Count == 0)
        {
            return saved.Filter is null
                ? Text("Your reading list is empty. Save a paper with `/papers save &lt;arxiv id&gt;` or its Save button.", "Your reading list is empty.")
                : Text($"No paper on your reading list matches {Mrkdwn.EscapeAndCut(saved.Filter, 1000)}.", "No saved paper matches.");
        }

        var heading = saved.Filter is null
            ? $"Your reading list ({saved.Entries.Count.ToString(CultureInfo.InvariantCulture)}):"
            : $"Your reading list, matching {Mrkdwn.EscapeAndCut(saved.Filter, 1000)} ({saved.Entries.Count.ToString(CultureInfo.InvariantCulture)}):";
        var blocks = new List<SlackBlock> { new SectionBlock(SlackText.Markdown($"*{heading}*")) };
        SectionPacker.Pack(blocks, saved.Entries.Select(SavedLine), "…and {0} more on your list.");
        return new SlackMessage(heading, blocks);
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

    private static string SavedLine(SavedEntry entry)
    {
        var date = entry.Saved.SavedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = entry.Paper is { } paper
            ? Mrkdwn.Link(paper.HuggingFaceUrl, Mrkdwn.Fit(paper.Title, 300))
            : $"{Mrkdwn.Link(PaperLinks.ArxivAbstract(entry.Saved.ArxivId), entry.Saved.ArxivId)} _(not in the Daily Papers PaperBot has seen)_";
        return $"`{entry.Saved.ArxivId}`  {title}  (saved {date})";
    }
}
