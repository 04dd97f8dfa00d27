using System.Globalization;
using PaperBot.Core.Publishing;
using PaperBot.Core.Papers;
using PaperBot.Core.Presentation;

namespace PaperBot.Slack.Blocks;

/// <summary>The Block Kit card of one paper: linked title, abstract, a context line and buttons.</summary>
internal static class PaperBlocks
{
    public const string SaveActionId = "paperbot_save";

    private const int TitleLimit = 500;
    private const int AbstractLimit = 2800;
    private const int AuthorsLimit = 600;

    /// <summary>The card of a new paper posted to a channel (the shared <see cref="Views.Card"/>), with the topics it matched.</summary>
    public static IReadOnlyList<SlackBlock> Card(PaperPosted post)
    {
        var card = Views.Card(post);
        var blocks = new List<SlackBlock>
        {
            new SectionBlock(SlackText.Markdown($"*{Mrkdwn.Link(card.Url, Cut(card.Title, TitleLimit))}*")),
        };
        if (card.Abstract.Length > 0)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(Mrkdwn.EscapeAndCut(card.Abstract, AbstractLimit))));
        }

        blocks.Add(new ContextBlock(ContextLine(card)));
        blocks.Add(new ActionsBlock($"paperbot_paper_{Cut(card.ArxivId, 200)}", Buttons(card)));
        return blocks;
    }

    /// <summary>The notification text of a posted paper (also what screen readers and old clients show).</summary>
    public static string Fallback(Paper paper) =>
        Mrkdwn.Fit($"New paper: {Cut(paper.Title, TitleLimit)} {paper.HuggingFaceUrl}", BlockLimits.FallbackText);

    private static List<SlackText> ContextLine(PaperCardView card)
    {
        var elements = new List<SlackText>
        {
            SlackText.Markdown(Mrkdwn.EscapeAndCut(card.Byline, AuthorsLimit)),
            SlackText.Markdown($"▲ {card.Upvotes.ToString(CultureInfo.InvariantCulture)} upvotes"),
            SlackText.Markdown(card.Date),
        };
        if (card.Topics.Count > 0)
        {
            elements.Add(SlackText.Markdown(Mrkdwn.EscapeAndCut("Matched: " + string.Join("; ", card.Topics), 500)));
        }

        return elements;
    }

    private static List<SlackButton> Buttons(PaperCardView card)
    {
        var buttons = card.Links.Where(l => l.Url.Length <= BlockLimits.ButtonUrl)
            .Select(l => new SlackButton(SlackText.Plain(l.Label), "paperbot_link_" + l.Label.ToLowerInvariant().Replace(' ', '_'), Url: l.Url))
            .ToList();
        buttons.Add(new(SlackText.Plain("Save"), SaveActionId, Value: card.ArxivId, Style: "primary"));
        return buttons;
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : Mrkdwn.Fit(text, limit);
}
