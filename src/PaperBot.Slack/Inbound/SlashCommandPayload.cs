namespace PaperBot.Slack.Inbound;

/// <summary>
/// A slash command invocation: form fields in HTTP mode, a JSON object in Socket Mode. The legacy
/// verification <c>token</c> field is deliberately not read.
/// </summary>
internal sealed record SlashCommandPayload
{
    public string? Command { get; init; }

    public string? Text { get; init; }

    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public static SlashCommandPayload FromForm(Func<string, string?> field) => new()
    {
        Command = field("command"),
        Text = field("text"),
        TeamId = field("team_id"),
        ChannelId = field("channel_id"),
        UserId = field("user_id"),
        UserName = field("user_name"),
        ResponseUrl = field("response_url"),
        TriggerId = field("trigger_id"),
    };

    /// <summary>Carries a channel and a user that are Slack ids (anything else cannot be stored or answered).</summary>
    public bool IsComplete => SlackIds.IsValid(ChannelId) && SlackIds.IsValid(UserId);
}
