using Npgsql;
using PaperBot.Core.Channels;

namespace PaperBot.Storage.Postgres;

/// <summary>The <c>subscriptions</c> table's columns in one fixed order, and a subscription to and from them.</summary>
internal static class SubscriptionRows
{
    public const string Columns = "id, channel_key, platform, channel_id, query, created_by, created_ticks, created_offset, mode, "
        + "digest_at_minutes, time_zone, min_upvotes, covered_ticks, covered_offset";

    public const string Insert = "INSERT INTO subscriptions (" + Columns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

    public const string Select = "SELECT " + Columns + " FROM subscriptions";

    public static object?[] Values(Subscription s) =>
    [
        s.Id, s.Channel.Key, s.Channel.Platform, s.Channel.Id, s.Query, s.CreatedBy, s.CreatedAt.UtcTicks, Rows.Offset(s.CreatedAt),
        s.Options.Mode.ToString(), (int)s.Options.DigestAt.ToTimeSpan().TotalMinutes, s.Options.TimeZone, s.Options.MinUpvotes,
        Rows.Ticks(s.DigestCoveredUntil), Rows.Offset(s.DigestCoveredUntil),
    ];

    public static Subscription Read(NpgsqlDataReader r) =>
        new(r.GetInt32(0), new ChannelRef(r.GetString(2), r.GetString(3)), r.GetString(4), r.GetString(5), Rows.Instant(r, 6)!.Value)
        {
            Options = new SubscriptionOptions
            {
                Mode = Enum.Parse<SubscriptionMode>(r.GetString(8)),
                DigestAt = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(r.GetInt32(9))),
                TimeZone = r.GetString(10),
                MinUpvotes = Rows.Int(r, 11),
            },
            DigestCoveredUntil = Rows.Instant(r, 12),
        };

    public static ChannelInfo ReadChannel(NpgsqlDataReader r) =>
        new(new ChannelRef(r.GetString(0), r.GetString(1)), Rows.Text(r, 2), Rows.Instant(r, 3));
}
