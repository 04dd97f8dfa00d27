namespace PaperBot.Slack.Inbound;

/// <summary>An Events API request: <c>url_verification</c> or an <c>event_callback</c> wrapping one event.</summary>
internal sealed record EventCallback
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? EventId { get; init; }

    public SlackEvent? Event { get; init; }
}
