using Npgsql;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Which papers changed since this replica last looked: every poll write bumps <c>paper_version</c> and stamps the papers
/// it wrote with the new version (in its transaction, under the poll lock, so versions commit in order).
/// </summary>
public sealed partial class PostgresStore
{
    private const string BumpVersionSql = "UPDATE paper_version SET version = version + 1 WHERE id = 1";

    private const string StampPapersSql = "UPDATE papers SET changed_in = (SELECT version FROM paper_version WHERE id = 1) WHERE arxiv_id = ANY($1)";

    // One statement, so one snapshot: the version and the papers stamped up to it.
    private const string ChangesSql = "SELECT v.version, p.arxiv_id FROM paper_version v "
        + "LEFT JOIN papers p ON p.changed_in > $1 AND p.changed_in <= v.version WHERE v.id = 1";

    // The paper version this replica has seen (read at open, so the search index built after it misses nothing).
    private long _papersSeen;

    /// <summary>Adds the version bump and the papers' stamps to a poll's batch.</summary>
    private static void AddPaperVersion(NpgsqlBatch batch, string[] arxivIds)
    {
        AddCommand(batch, BumpVersionSql);
        AddCommand(batch, StampPapersSql, [arxivIds]);
    }

    private static long CurrentPaperVersion(NpgsqlConnection connection) =>
        Scalar(connection, null, "SELECT version FROM paper_version WHERE id = 1");

    /// <summary>The papers other writes changed since the last call; moves <see cref="ChangeStamp"/> when there are any.</summary>
    private List<string> ReadPaperChanges()
    {
        var seen = Interlocked.Read(ref _papersSeen);
        var rows = Query(r => (Version: r.GetInt64(0), Id: r.IsDBNull(1) ? null : r.GetString(1)), ChangesSql, seen);
        var version = rows.Count == 0 ? seen : rows[0].Version;
        if (version == seen)
        {
            return [];
        }

        Interlocked.Exchange(ref _papersSeen, version);
        Interlocked.Increment(ref _paperWrites);
        return [.. rows.Where(r => r.Id is not null).Select(r => r.Id!)];
    }
}
