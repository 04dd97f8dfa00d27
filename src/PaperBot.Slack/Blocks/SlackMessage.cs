namespace PaperBot.Slack.Blocks;

/// <summary>
/// A message body as a slash-command reply, a <c>response_url</c> post or (with a channel) <c>chat.postMessage</c>.
/// <see cref="Text"/> is the notification fallback and is always set.
/// </summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<SlackBlock> Blocks)
{
    /// <summary><c>ephemeral</c> (only the caller sees it) or <c>in_channel</c>; null for chat.postMessage.</summary>
    public string? ResponseType { get; init; }

    /// <summary>For <c>response_url</c> posts after a button click: false keeps the clicked message.</summary>
    public bool? ReplaceOriginal { get; init; }

    public static SlackMessage Ephemeral(string text) => new(text, [new SectionBlock(SlackText.Markdown(Mrkdwn.Fit(text, BlockLimits.SectionText)))])
    {
        ResponseType = "ephemeral",
    };
}
