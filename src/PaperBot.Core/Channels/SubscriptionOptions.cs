namespace PaperBot.Core.Channels;

/// <summary>How a subscription delivers: instantly or as a daily digest, and from how many upvotes.</summary>
public sealed record SubscriptionOptions
{
    public static SubscriptionOptions Default { get; } = new();

    public SubscriptionMode Mode { get; init; } = SubscriptionMode.Instant;

    /// <summary>Local time of day the digest is posted (digest mode).</summary>
    public TimeOnly DigestAt { get; init; } = new(9, 0);

    /// <summary>IANA time zone of <see cref="DigestAt"/>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>
    /// Only papers with at least this many upvotes. Upvotes keep growing after a paper is listed, so an instant
    /// subscription posts a paper when it reaches the threshold, up to <see cref="ThresholdWindowDays"/> after it appeared.
    /// </summary>
    public int? MinUpvotes { get; init; }

    public const int ThresholdWindowDays = 3;

    public override string ToString()
    {
        var mode = Mode == SubscriptionMode.Digest ? $"daily digest at {DigestAt:HH\\:mm} {TimeZone}" : "instant";
        return MinUpvotes is { } min ? $"{mode}, from {min} upvotes" : mode;
    }
}
