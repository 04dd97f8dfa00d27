using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string SelectChannels = "SELECT platform, channel_id, paused_reason, paused_ticks, paused_offset FROM channels";

    private const string RecordChannel = "INSERT INTO channels (channel_key, platform, channel_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

    public ChannelInfo? FindChannel(ChannelRef channel) =>
        Single(SubscriptionRows.ReadChannel, SelectChannels + " WHERE channel_key = $1", channel.Key);

    public IReadOnlyList<ChannelInfo> PausedChannels() =>
        Query(SubscriptionRows.ReadChannel, SelectChannels + " WHERE paused_reason IS NOT NULL ORDER BY channel_key");

    public void SetPaused(ChannelRef channel, string? reason, DateTimeOffset at)
    {
        DateTimeOffset? pausedAt = reason is null ? null : at;
        Write((c, t) => Execute(c, t,
            "INSERT INTO channels (channel_key, platform, channel_id, paused_reason, paused_ticks, paused_offset) VALUES ($1, $2, $3, $4, $5, $6) "
            + "ON CONFLICT (channel_key) DO UPDATE SET paused_reason = excluded.paused_reason, paused_ticks = excluded.paused_ticks, "
            + "paused_offset = excluded.paused_offset",
            channel.Key, channel.Platform, channel.Id, reason, Rows.Ticks(pausedAt), Rows.Offset(pausedAt)));
    }

    public Subscription AddSubscription(ChannelRef channel, string query, string createdBy, DateTimeOffset at, SubscriptionOptions? options = null) =>
        Write((c, t) =>
        {
            Execute(c, t, RecordChannel, channel.Key, channel.Platform, channel.Id);
            var id = (int)Scalar(c, t, "SELECT nextval('subscription_ids')");
            var subscription = new Subscription(id, channel, query, createdBy, at) { Options = options ?? SubscriptionOptions.Default };
            Execute(c, t, SubscriptionRows.Insert, SubscriptionRows.Values(subscription));
            return subscription;
        });

    public bool RemoveSubscription(ChannelRef channel, int id) =>
        Write((c, t) => Execute(c, t, "DELETE FROM subscriptions WHERE id = $1 AND channel_key = $2", id, channel.Key) == 1);

    public int RemoveAllSubscriptions(ChannelRef channel) =>
        Write((c, t) => Execute(c, t, "DELETE FROM subscriptions WHERE channel_key = $1", channel.Key));

    public IReadOnlyList<Subscription> SubscriptionsOf(ChannelRef channel) =>
        Query(SubscriptionRows.Read, SubscriptionRows.Select + " WHERE channel_key = $1 ORDER BY id", channel.Key);

    public IReadOnlyList<Subscription> ActiveSubscriptions() => Query(SubscriptionRows.Read, SubscriptionRows.Select + " s WHERE NOT EXISTS "
        + "(SELECT 1 FROM channels c WHERE c.channel_key = s.channel_key AND c.paused_reason IS NOT NULL) ORDER BY id");

    public void RecordDigest(int subscriptionId, DateTimeOffset coveredUntil, Delivery? digest) => Write((c, t) =>
    {
        var updated = Execute(c, t, "UPDATE subscriptions SET covered_ticks = $2, covered_offset = $3 WHERE id = $1",
            subscriptionId, coveredUntil.UtcTicks, Rows.Offset(coveredUntil));
        if (updated == 0)
        {
            throw new KeyNotFoundException($"No subscription #{subscriptionId}.");
        }

        if (digest is not null)
        {
            InsertIfNew(c, t, [digest]);
        }
    });
}
