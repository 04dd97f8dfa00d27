using Npgsql;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

/// <summary>The <c>deliveries</c> table's columns in one fixed order, and a delivery to and from them.</summary>
internal static class DeliveryRows
{
    public const string Columns = "id, channel_key, platform, channel_id, arxiv_id, topics, state, attempts, last_error, message_id, "
        + "created_ticks, created_offset, sent_ticks, sent_offset, kind, digest_papers, heading, next_attempt_ticks, next_attempt_offset";

    /// <summary>The outbox's exactly-once rule: a delivery whose id exists is left as it is.</summary>
    public const string InsertIfNew = "INSERT INTO deliveries (" + Columns + ") "
        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT (id) DO NOTHING";

    public const string Select = "SELECT " + Columns + " FROM deliveries";

    public static object?[] Values(Delivery d) =>
    [
        d.Id, d.Channel.Key, d.Channel.Platform, d.Channel.Id, d.ArxivId, d.Topics.ToArray(), d.State.ToString(), d.Attempts, d.LastError,
        d.MessageId, d.CreatedAt.UtcTicks, Rows.Offset(d.CreatedAt), Rows.Ticks(d.SentAt), Rows.Offset(d.SentAt), d.Kind.ToString(),
        d.DigestPapers.ToArray(), d.Heading, Rows.Ticks(d.NextAttemptAt), Rows.Offset(d.NextAttemptAt),
    ];

    public static Delivery Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        new ChannelRef(r.GetString(2), r.GetString(3)),
        r.GetString(4),
        Rows.Texts(r, 5),
        Enum.Parse<DeliveryState>(r.GetString(6)),
        r.GetInt32(7),
        Rows.Text(r, 8),
        Rows.Text(r, 9),
        Rows.Instant(r, 10)!.Value,
        Rows.Instant(r, 12))
    {
        Kind = Enum.Parse<DeliveryKind>(r.GetString(14)),
        DigestPapers = Rows.Texts(r, 15),
        Heading = Rows.Text(r, 16),
        NextAttemptAt = Rows.Instant(r, 17),
    };
}
