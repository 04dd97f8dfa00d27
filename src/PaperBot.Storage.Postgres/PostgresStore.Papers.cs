using PaperBot.Core.Papers;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string SelectPapers = "SELECT " + PaperRows.Columns + " FROM papers";

    public Paper? Find(string arxivId) => Single(PaperRows.Read, SelectPapers + " WHERE arxiv_id = $1", arxivId);

    public IReadOnlySet<string> FindKnown(IEnumerable<string> arxivIds)
    {
        var ids = arxivIds.Distinct(StringComparer.Ordinal).ToArray();
        return ids.Length == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : Query(r => r.GetString(0), "SELECT arxiv_id FROM papers WHERE arxiv_id = ANY($1)", [ids]).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<Paper> ListedOn(DateOnly day) => Query(PaperRows.Read, SelectPapers + " WHERE listed_on = $1", day);

    public DateOnly? LatestListedDay() => Read(c =>
    {
        using var command = Command(c, null, "SELECT max(listed_on) FROM papers");
        return command.ExecuteScalar() is DateOnly day ? day : (DateOnly?)null;
    });

    public int Count() => (int)Read(c => Scalar(c, null, "SELECT count(*) FROM papers"));

    public IReadOnlyList<Paper> ListedSince(DateOnly day) => Query(PaperRows.Read, SelectPapers + " WHERE listed_on >= $1", day);

    public IReadOnlyList<Paper> FirstSeenBetween(DateTimeOffset after, DateTimeOffset until) => Query(
        PaperRows.Read, SelectPapers + " WHERE first_seen_ticks > $1 AND first_seen_ticks <= $2", after.UtcTicks, until.UtcTicks);

    public IReadOnlyList<Paper> PapersAfter(string? afterArxivId, int count) =>
        Query(PaperRows.Read, SelectPapers + " WHERE arxiv_id > $1 ORDER BY arxiv_id LIMIT $2", afterArxivId ?? "", count);

    public IReadOnlyList<Paper> FindMany(IReadOnlyCollection<string> arxivIds) =>
        arxivIds.Count == 0 ? [] : Query(PaperRows.Read, SelectPapers + " WHERE arxiv_id = ANY($1)", [arxivIds.ToArray()]);
}
