namespace PaperBot.Slack.Blocks;

/// <summary>A section: one text of at most 3,000 characters.</summary>
internal sealed record SectionBlock(SlackText Text) : SlackBlock
{
    public override string Type => "section";
}
