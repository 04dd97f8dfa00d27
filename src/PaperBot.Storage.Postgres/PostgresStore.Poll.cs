using Npgsql;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    // Serialises RecordPoll across replicas, so that a paper's "known or new" decision holds until its upsert commits.
    private const long PollLockKey = 0x5061_7065_7250_6F6C;

    public PollState GetPollState() => Single(ReadPollState,
        "SELECT initialized, last_success_ticks, last_success_offset, last_listed_day, etag, last_modified_ticks, last_modified_offset, "
        + "recheck_from FROM poll_state WHERE id = 1") ?? PollState.Empty;

    // Paper writes this process committed or (among replicas) saw another commit: ChangeStamp.
    private long _paperWrites;

    /// <summary>Changes after every committed poll write, so a remembered command answer is never older than the papers.</summary>
    public long? ChangeStamp => Volatile.Read(ref _paperWrites);

    public void RecordPoll(IReadOnlyList<Paper> listed, IReadOnlyList<Delivery> newDeliveries, PollState state)
    {
        // Counted after the commit: an answer computed meanwhile is kept under the old stamp and so never reused.
        WritePoll(listed, newDeliveries, state);
        Interlocked.Increment(ref _paperWrites);
    }

    private void WritePoll(IReadOnlyList<Paper> listed, IReadOnlyList<Delivery> newDeliveries, PollState state) => Write((c, t) =>
    {
        Execute(c, t, "SELECT pg_advisory_xact_lock($1)", PollLockKey);
        var ids = listed.Select(p => p.ArxivId).Distinct(StringComparer.Ordinal).ToArray();
        var known = Query(c, t, r => (Id: r.GetString(0), Day: r.GetFieldValue<DateOnly>(1), Source: PaperRows.ParseSource(r.GetString(2))),
                "SELECT arxiv_id, listed_on, day_source FROM papers WHERE arxiv_id = ANY($1)", [ids])
            .ToDictionary(k => k.Id, StringComparer.Ordinal);

        using var batch = new NpgsqlBatch(c, t);
        foreach (var paper in listed)
        {
            // A paper keeps the day it first joined the listing unless that was a guess and the listing now names the day
            // (the rule lives in Core); a known paper keeps its first-seen time, which the upsert never touches.
            var (day, source) = known.TryGetValue(paper.ArxivId, out var stored) && PaperDaySources.KeepsStoredDay(stored.Source, paper.ListedOnSource)
                ? (stored.Day, stored.Source)
                : (paper.ListedOn, paper.ListedOnSource);
            AddCommand(batch, PaperRows.Upsert, PaperRows.Values(paper, day, source, state.LastSuccessAt ?? DateTimeOffset.UtcNow));
        }

        foreach (var delivery in newDeliveries)
        {
            AddCommand(batch, DeliveryRows.InsertIfNew, DeliveryRows.Values(delivery));
        }

        AddPaperVersion(batch, ids);
        AddCommand(batch, UpsertPollState, PollStateValues(state));
        batch.ExecuteNonQuery();
    });

    internal const string UpsertPollState = """
        INSERT INTO poll_state (id, initialized, last_success_ticks, last_success_offset, last_listed_day, etag, last_modified_ticks,
            last_modified_offset, recheck_from)
        VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET initialized = excluded.initialized, last_success_ticks = excluded.last_success_ticks,
            last_success_offset = excluded.last_success_offset, last_listed_day = excluded.last_listed_day, etag = excluded.etag,
            last_modified_ticks = excluded.last_modified_ticks, last_modified_offset = excluded.last_modified_offset,
            recheck_from = excluded.recheck_from
        """;

    internal static object?[] PollStateValues(PollState state) =>
    [
        state.Initialized, Rows.Ticks(state.LastSuccessAt), Rows.Offset(state.LastSuccessAt), state.LastListedDay, state.Validators?.ETag,
        Rows.Ticks(state.Validators?.LastModified), Rows.Offset(state.Validators?.LastModified), state.RecheckFrom,
    ];

    internal static void AddCommand(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
    }

    private static PollState ReadPollState(NpgsqlDataReader r)
    {
        var etag = Rows.Text(r, 4);
        var lastModified = Rows.Instant(r, 5);
        return new PollState(
            r.GetBoolean(0),
            Rows.Instant(r, 1),
            Rows.Day(r, 3),
            etag is null && lastModified is null ? null : new ListingValidators(etag, lastModified),
            Rows.Day(r, 7));
    }
}
