namespace PaperBot.Slack.Permissions;

/// <summary>Whether a user may change a channel; <see cref="Problem"/> when Slack could not be asked.</summary>
internal sealed record ManagerDecision(bool Allowed, string? Problem = null)
{
    public static ManagerDecision Yes { get; } = new(true);

    public static ManagerDecision No { get; } = new(false);
}
