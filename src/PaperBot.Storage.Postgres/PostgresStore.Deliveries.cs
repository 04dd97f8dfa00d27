using Npgsql;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string MarkSentSql = "UPDATE deliveries SET state = 'Sent', message_id = $2, sent_ticks = $3, sent_offset = $4, "
        + "attempts = attempts + 1 WHERE id = $1 RETURNING kind, channel_key, platform, channel_id, arxiv_id";

    // A digest lists several papers, so a reaction on it cannot name one: only single-paper posts are recorded.
    private const string RecordPostSql = "INSERT INTO posts (channel_key, message_id, platform, channel_id, arxiv_id, posted_ticks, posted_offset) "
        + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (channel_key, message_id) DO UPDATE SET arxiv_id = excluded.arxiv_id, "
        + "posted_ticks = excluded.posted_ticks, posted_offset = excluded.posted_offset";

    private const string FailedSql = "UPDATE deliveries SET attempts = attempts + 1, last_error = $2, state = $3, next_attempt_ticks = $4, "
        + "next_attempt_offset = $5 WHERE id = $1";

    public IReadOnlyList<Delivery> Pending() => Query(DeliveryRows.Read,
        DeliveryRows.Select + " WHERE state IN ('Pending', 'InFlight') ORDER BY created_ticks, id");

    public Delivery? FindDelivery(string id) => Single(DeliveryRows.Read, DeliveryRows.Select + " WHERE id = $1", id);

    public ValueTask MarkSentAsync(string deliveryId, string messageId, DateTimeOffset at) => WriteAsync(async (c, t) =>
    {
        await using var command = Command(c, t, MarkSentSql, deliveryId, messageId, at.UtcTicks, Rows.Offset(at));
        string[] row;
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            row = await reader.ReadAsync().ConfigureAwait(false)
                ? [reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)]
                : [];
        }

        if (PostValues(deliveryId, messageId, at, row) is { } post)
        {
            await using var insert = Command(c, t, RecordPostSql, post);
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    });

    /// <summary>The posts row for a delivery just marked sent, or null for a digest; throws when no delivery was updated.</summary>
    private static object?[]? PostValues(string deliveryId, string messageId, DateTimeOffset at, string[] updated)
    {
        if (updated.Length == 0)
        {
            throw NoDelivery(deliveryId);
        }

        return updated[0] == nameof(DeliveryKind.Digest)
            ? null
            : [updated[1], messageId, updated[2], updated[3], updated[4], at.UtcTicks, Rows.Offset(at)];
    }

    public ValueTask MarkAttemptFailedAsync(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt = null, bool inDoubt = false) =>
        ExecuteOneAsync(deliveryId, FailedSql, FailedValues(deliveryId, error, permanent, retryAt, inDoubt));

    private static object?[] FailedValues(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt, bool inDoubt) =>
    [
        deliveryId, error,
        permanent ? nameof(DeliveryState.Failed) : inDoubt ? nameof(DeliveryState.InFlight) : nameof(DeliveryState.Pending),
        Rows.Ticks(retryAt), Rows.Offset(retryAt),
    ];

    public ValueTask MarkInFlightAsync(string deliveryId) => _replica is { } replica
        ? MarkInFlightLeasedAsync(replica, deliveryId)
        : ExecuteOneAsync(deliveryId, "UPDATE deliveries SET state = $2 WHERE id = $1", deliveryId, nameof(DeliveryState.InFlight));

    public void Requeue(string deliveryId) => SetState(deliveryId, DeliveryState.Pending);

    private void SetState(string deliveryId, DeliveryState state) =>
        Write((c, t) => Expect(deliveryId, Execute(c, t, "UPDATE deliveries SET state = $2 WHERE id = $1", deliveryId, state.ToString())));

    private ValueTask ExecuteOneAsync(string deliveryId, string sql, params object?[] values) => WriteAsync(async (c, t) =>
    {
        await using var command = Command(c, t, sql, values);
        Expect(deliveryId, await command.ExecuteNonQueryAsync().ConfigureAwait(false));
    });

    public int Enqueue(IReadOnlyList<Delivery> deliveries) => Write((c, t) => InsertIfNew(c, t, deliveries));

    private static int InsertIfNew(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Delivery> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return 0;
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var delivery in deliveries)
        {
            AddCommand(batch, DeliveryRows.InsertIfNew, DeliveryRows.Values(delivery));
        }

        // Counts every command's affected rows: 1 for each id that was new, 0 for each that existed (or repeated in the list).
        return batch.ExecuteNonQuery();
    }

    public PostedMessage? FindPost(ChannelRef channel, string messageId) => Single(
        r => new PostedMessage(new ChannelRef(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetString(3), Rows.Instant(r, 4)!.Value),
        "SELECT platform, channel_id, message_id, arxiv_id, posted_ticks, posted_offset FROM posts WHERE channel_key = $1 AND message_id = $2",
        channel.Key, messageId);

    private static void Expect(string deliveryId, int updated)
    {
        if (updated == 0)
        {
            throw NoDelivery(deliveryId);
        }
    }

    private static KeyNotFoundException NoDelivery(string deliveryId) => new($"No delivery with id '{deliveryId}' is stored.");
}
