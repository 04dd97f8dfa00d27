namespace PaperBot.Slack.Blocks;

/// <summary>A Block Kit text object: <c>mrkdwn</c> or <c>plain_text</c>.</summary>
internal sealed record SlackText(string Type, string Text)
{
    public static SlackText Markdown(string text) => new("mrkdwn", text);

    public static SlackText Plain(string text) => new("plain_text", text);
}
