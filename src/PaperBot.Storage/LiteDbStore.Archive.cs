using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore : IPaperArchive
{
    /// <summary>Counts the writes to the papers (<see cref="RecordPoll"/> is the only one): a lock-free read.</summary>
    public long? ChangeStamp => Volatile.Read(ref _paperWrites);

    public IReadOnlyList<Paper> PapersAfter(string? afterArxivId, int count)
    {
        // One slice per lock: building an index over the whole store never holds the store for long.
        var after = BsonExpression.Create("_id > @0", new BsonValue(afterArxivId ?? ""));
        return Read(() => _papers.Query().Where(after).OrderBy(x => x.Id).Limit(count).ToList().Select(x => x.ToPaper()).ToList());
    }

    public IReadOnlyList<Paper> FindMany(IReadOnlyCollection<string> arxivIds)
    {
        if (arxivIds.Count == 0)
        {
            return [];
        }

        var ids = new BsonArray(arxivIds.Select(id => new BsonValue(id)));
        var wanted = BsonExpression.Create("_id IN @0", ids);
        return Read(() => _papers.Query().Where(wanted).ToList().Select(x => x.ToPaper()).ToList());
    }
}
