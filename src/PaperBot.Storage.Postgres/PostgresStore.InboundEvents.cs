namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    public bool TryRecord(string key, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        // Several replicas may receive the same retried event: the primary key lets exactly one of them record it.
        return Write((c, t) => Execute(c, t,
            "INSERT INTO inbound_events (event_key, at_ticks, at_offset) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            key, at.UtcTicks, Rows.Offset(at)) == 1);
    }

    public int Prune(DateTimeOffset before) =>
        Write((c, t) => Execute(c, t, "DELETE FROM inbound_events WHERE at_ticks < $1", before.UtcTicks));
}
