using LiteDB;
using PaperBot.Core.Channels;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>subscriptions</c> collection. The id comes from <see cref="SequenceDoc"/>, never reused.</summary>
internal sealed class SubscriptionDoc
{
    [BsonId(false)]
    public int Id { get; set; }

    public string ChannelKey { get; set; } = "";

    public string Platform { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string Query { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public InstantDoc CreatedAt { get; set; } = new();

    /// <summary>The <see cref="SubscriptionMode"/> name; absent (null) in rows written before digests existed.</summary>
    public string? Mode { get; set; }

    public int DigestAtMinutes { get; set; } = 9 * 60;

    public string? TimeZone { get; set; }

    public int? MinUpvotes { get; set; }

    public InstantDoc? DigestCoveredUntil { get; set; }

    public void SetOptions(SubscriptionOptions options)
    {
        Mode = options.Mode.ToString();
        DigestAtMinutes = (int)options.DigestAt.ToTimeSpan().TotalMinutes;
        TimeZone = options.TimeZone;
        MinUpvotes = options.MinUpvotes;
    }

    public Subscription ToSubscription() =>
        new(Id, new ChannelRef(Platform, ChannelId), Query, CreatedBy, CreatedAt.ToDateTimeOffset())
        {
            Options = new SubscriptionOptions
            {
                Mode = Mode is null ? SubscriptionMode.Instant : Enum.Parse<SubscriptionMode>(Mode),
                DigestAt = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(DigestAtMinutes)),
                TimeZone = TimeZone ?? "UTC",
                MinUpvotes = MinUpvotes,
            },
            DigestCoveredUntil = DigestCoveredUntil?.ToDateTimeOffset(),
        };
}
