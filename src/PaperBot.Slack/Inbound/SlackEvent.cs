namespace PaperBot.Slack.Inbound;

/// <summary>
/// The events PaperBot subscribes to: <c>reaction_added</c>, <c>reaction_removed</c>, <c>member_joined_channel</c>
/// and <c>channel_unarchive</c>. Unknown fields are ignored.
/// </summary>
internal sealed record SlackEvent
{
    public string? Type { get; init; }

    /// <summary>Who reacted (or joined).</summary>
    public string? User { get; init; }

    /// <summary>Emoji name without colons (skin tones as <c>thumbsup::skin-tone-2</c>).</summary>
    public string? Reaction { get; init; }

    /// <summary>Who wrote the message reacted to; may be absent.</summary>
    public string? ItemUser { get; init; }

    public ReactionItem? Item { get; init; }

    /// <summary><c>member_joined_channel</c> and <c>channel_unarchive</c>: the channel.</summary>
    public string? Channel { get; init; }
}
