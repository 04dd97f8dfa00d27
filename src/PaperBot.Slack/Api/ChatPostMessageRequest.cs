using PaperBot.Slack.Blocks;

namespace PaperBot.Slack.Api;

/// <summary>The body of <c>chat.postMessage</c>. Unfurls are off: the card already shows the paper.</summary>
internal sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<SlackBlock> Blocks, MessageMetadata Metadata)
{
    public bool UnfurlLinks => false;

    public bool UnfurlMedia => false;
}
