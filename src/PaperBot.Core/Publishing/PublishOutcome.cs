namespace PaperBot.Core.Publishing;

/// <summary>What happened to one post.</summary>
public abstract record PublishOutcome
{
    private PublishOutcome()
    {
    }

    /// <summary>Posted; <paramref name="MessageId"/> is the platform's id of the message.</summary>
    public sealed record Sent(string MessageId) : PublishOutcome;

    /// <summary>
    /// Worth retrying later (timeout, 5xx, rate limit); <paramref name="RetryAfter"/> when the platform said.
    /// <paramref name="InDoubt"/>: no answer came back, so the post may have landed; the next attempt first asks
    /// the platform (<see cref="IChannelPublisher.FindDeliveredAsync"/>) instead of posting blindly.
    /// </summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null, bool InDoubt = false) : PublishOutcome;

    /// <summary>
    /// The channel cannot be posted to (deleted, no access, archived): its subscriptions pause with
    /// <paramref name="Reason"/>, written for the people in that channel.
    /// </summary>
    public sealed record ChannelUnreachable(string Reason) : PublishOutcome;

    /// <summary>
    /// Nothing can be posted on this platform right now (token revoked or invalid): every delivery of the
    /// platform waits, no attempt is counted, and the operator is told once with <paramref name="Reason"/>.
    /// </summary>
    public sealed record PlatformUnavailable(string Reason) : PublishOutcome;
}
