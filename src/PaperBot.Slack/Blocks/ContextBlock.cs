namespace PaperBot.Slack.Blocks;

/// <summary>A context line: up to 10 small texts.</summary>
internal sealed record ContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock
{
    public override string Type => "context";
}
