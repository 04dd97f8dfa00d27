namespace PaperBot.Slack.Api;

/// <summary>The fields PaperBot reads from any Web API answer; unknown fields are ignored.</summary>
internal sealed record SlackApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    /// <summary>chat.postMessage: the new message's timestamp, which is its id.</summary>
    public string? Ts { get; init; }

    /// <summary>apps.connections.open: the single-use WebSocket URL.</summary>
    public string? Url { get; init; }

    /// <summary>auth.test: the bot's own user id.</summary>
    public string? UserId { get; init; }

    /// <summary>conversations.history: the most recent messages first.</summary>
    public IReadOnlyList<HistoryMessage>? Messages { get; init; }
}
