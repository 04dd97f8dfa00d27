namespace PaperBot.Slack.Blocks;

/// <summary>A row of up to 25 buttons.</summary>
internal sealed record ActionsBlock(string BlockId, IReadOnlyList<SlackButton> Elements) : SlackBlock
{
    public override string Type => "actions";
}
