namespace PaperBot.Slack.Blocks;

/// <summary>Block Kit limits (docs.slack.dev reference: blocks, elements, composition objects).</summary>
internal static class BlockLimits
{
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3000;
    public const int ContextElements = 10;
    public const int ContextElementText = 2000;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ActionId = 255;
    public const int BlockId = 255;

    /// <summary>The fallback <c>text</c>; Slack truncates past 40,000 but recommends under 4,000.</summary>
    public const int FallbackText = 3000;
}
