namespace PaperBot.Slack.Inbound;

/// <summary>An interactivity payload; PaperBot acts on <c>block_actions</c> from its Save button.</summary>
internal sealed record InteractionPayload
{
    public string? Type { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    public IdRef? User { get; init; }

    public IdRef? Channel { get; init; }

    public MessageRef? Message { get; init; }

    public ContainerRef? Container { get; init; }

    public IReadOnlyList<ActionRef>? Actions { get; init; }

    public string? ChannelId => Channel?.Id ?? Container?.ChannelId;

    public string? MessageTs => Message?.Ts ?? Container?.MessageTs;
}
