using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    public OutboxCounts CountOutbox() => Read(c =>
    {
        using var command = Command(c, null, "SELECT count(*) FILTER (WHERE state = 'Pending'), count(*) FILTER (WHERE state = 'InFlight'), "
            + "count(*) FILTER (WHERE state = 'Failed') FROM deliveries WHERE state IN ('Pending', 'InFlight', 'Failed')");
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OutboxCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    });

    public IReadOnlyList<Delivery> DeliveriesIn(DeliveryState state, int limit) => Query(DeliveryRows.Read,
        DeliveryRows.Select + " WHERE state = $1 ORDER BY created_ticks DESC, id LIMIT $2", state.ToString(), limit);

    public IReadOnlyList<Delivery> LatestSent(int limit) => Query(DeliveryRows.Read,
        DeliveryRows.Select + " WHERE sent_ticks IS NOT NULL ORDER BY sent_ticks DESC LIMIT $1", limit);

    public bool RetryFailed(string deliveryId) => Write((c, t) => Execute(c, t,
        "UPDATE deliveries SET state = 'Pending', attempts = 0, next_attempt_ticks = NULL, next_attempt_offset = NULL WHERE id = $1 AND state = 'Failed'",
        deliveryId) == 1);

    public IReadOnlyList<ChannelInfo> AllChannels() => Query(SubscriptionRows.ReadChannel, SelectChannels + " ORDER BY channel_key");

    public IReadOnlyList<Subscription> AllSubscriptions() => Query(SubscriptionRows.Read, SubscriptionRows.Select + " ORDER BY id");
}
