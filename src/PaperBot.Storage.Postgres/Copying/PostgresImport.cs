using Npgsql;
using PaperBot.Core.Channels;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres.Copying;

/// <summary>
/// A copy into the PostgreSQL store inside one transaction: rows are written as given (ids, states, times, first-seen
/// times), in batches of one round trip each, and nothing is visible to the bot until <see cref="Commit"/>.
/// </summary>
internal sealed class PostgresImport(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
{
    private static readonly string[] Tables = ["papers", "channels", "subscriptions", "saved", "inbound_events", "deliveries", "posts", "poll_state", "embeddings"];

    public static StoreCounts Count(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand(
            string.Join(" UNION ALL ", Tables.Select((t, i) => $"SELECT {i}, count(*) FROM {t}")), connection, transaction);
        using var reader = command.ExecuteReader();
        var counts = new long[Tables.Length];
        while (reader.Read())
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return new StoreCounts(counts[0], counts[1], counts[2], counts[5], counts[6], counts[3], counts[4], counts[8], counts[7] > 0);
    }

    public StoreCounts Count() => Count(connection, transaction);

    /// <summary>Empties every table and restarts the subscription ids (for <c>--force</c>).</summary>
    public void Clear() => Run(batch =>
    {
        PostgresStore.AddCommand(batch, "TRUNCATE " + string.Join(", ", Tables));
        PostgresStore.AddCommand(batch, "ALTER SEQUENCE subscription_ids RESTART");
    });

    public void Papers(IEnumerable<StoredPaper> papers) => Run(batch =>
    {
        foreach (var (paper, firstSeen) in papers)
        {
            PostgresStore.AddCommand(batch, PaperRows.Insert, PaperRows.Values(paper, paper.ListedOn, paper.ListedOnSource, firstSeen));
        }
    });

    public void Channels(IEnumerable<ChannelInfo> channels) => Run(batch =>
    {
        foreach (var c in channels)
        {
            PostgresStore.AddCommand(batch,
                "INSERT INTO channels (channel_key, platform, channel_id, paused_reason, paused_ticks, paused_offset) VALUES ($1, $2, $3, $4, $5, $6)",
                c.Channel.Key, c.Channel.Platform, c.Channel.Id, c.PausedReason, Rows.Ticks(c.PausedAt), Rows.Offset(c.PausedAt));
        }
    });

    /// <summary>Subscriptions keep their ids; the sequence continues after <paramref name="lastIdHandedOut"/> (removed ones included).</summary>
    public void Subscriptions(IEnumerable<Subscription> subscriptions, int lastIdHandedOut) => Run(batch =>
    {
        foreach (var subscription in subscriptions)
        {
            PostgresStore.AddCommand(batch, SubscriptionRows.Insert, SubscriptionRows.Values(subscription));
        }

        PostgresStore.AddCommand(batch, "SELECT setval('subscription_ids', greatest($1, (SELECT coalesce(max(id), 0) FROM subscriptions), 1), "
            + "greatest($1, (SELECT coalesce(max(id), 0) FROM subscriptions)) > 0)", lastIdHandedOut);
    });

    public void Deliveries(IEnumerable<Delivery> deliveries) => Run(batch =>
    {
        foreach (var delivery in deliveries)
        {
            PostgresStore.AddCommand(batch, DeliveryRows.InsertIfNew, DeliveryRows.Values(delivery));
        }
    });

    public void Posts(IEnumerable<PostedMessage> posts) => Run(batch =>
    {
        foreach (var p in posts)
        {
            PostgresStore.AddCommand(batch,
                "INSERT INTO posts (channel_key, message_id, platform, channel_id, arxiv_id, posted_ticks, posted_offset) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                p.Channel.Key, p.MessageId, p.Channel.Platform, p.Channel.Id, p.ArxivId, p.PostedAt.UtcTicks, Rows.Offset(p.PostedAt));
        }
    });

    public void Saved(IEnumerable<SavedPaper> saved) => Run(batch =>
    {
        foreach (var s in saved)
        {
            PostgresStore.AddCommand(batch,
                "INSERT INTO saved (user_key, arxiv_id, platform, user_id, saved_ticks, saved_offset) VALUES ($1, $2, $3, $4, $5, $6)",
                s.User.Key, s.ArxivId, s.User.Platform, s.User.Id, s.SavedAt.UtcTicks, Rows.Offset(s.SavedAt));
        }
    });

    public void InboundEvents(IEnumerable<(string Key, DateTimeOffset At)> events) => Run(batch =>
    {
        foreach (var (key, at) in events)
        {
            PostgresStore.AddCommand(batch, "INSERT INTO inbound_events (event_key, at_ticks, at_offset) VALUES ($1, $2, $3)", key, at.UtcTicks, Rows.Offset(at));
        }
    });

    public void Embeddings(IEnumerable<PaperEmbedding> embeddings) => Run(batch =>
    {
        foreach (var e in embeddings)
        {
            PostgresStore.AddCommand(batch, "INSERT INTO embeddings (arxiv_id, model, vector) VALUES ($1, $2, $3)", e.ArxivId, e.Model, e.Vector);
        }
    });

    public void PollState(PollState state) => Run(batch => PostgresStore.AddCommand(batch, PostgresStore.UpsertPollState, PostgresStore.PollStateValues(state)));

    public void Commit() => transaction.Commit();

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    private void Run(Action<NpgsqlBatch> fill)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        fill(batch);
        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
    }
}
