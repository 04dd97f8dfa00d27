using System.Runtime.CompilerServices;
using LiteDB;
using PaperBot.Core.Papers;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public Paper? Find(string arxivId) => Read(() => _papers.FindById(arxivId)?.ToPaper());

    public IReadOnlySet<string> FindKnown(IEnumerable<string> arxivIds)
    {
        var ids = new BsonArray(arxivIds.Distinct(StringComparer.Ordinal).Select(id => new BsonValue(id)));
        if (ids.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        // One index-backed IN query returning ids only, rather than a round trip and a full document per id.
        var known = BsonExpression.Create("_id IN @0", ids);
        return Read(() => _papers.Query().Where(known).Select(x => x.Id).ToList().ToHashSet(StringComparer.Ordinal));
    }

    public IReadOnlyList<Paper> ListedOn(DateOnly day)
    {
        var dayNumber = day.DayNumber;
        return Read(() => _papers.Find(x => x.ListedOn == dayNumber).Select(x => x.ToPaper()).ToList());
    }

    /// <summary>
    /// <c>/papers today</c> asks on every call, so the answer is kept in memory until a write changes the papers
    /// (<see cref="RecordPoll"/>, the only one, forgets it inside the store's lock, so no reader keeps an older day).
    /// </summary>
    public DateOnly? LatestListedDay()
    {
        if (Volatile.Read(ref _latestListedDay) is { } known)
        {
            return known.Value;
        }

        return Read(() =>
        {
            DateOnly? latest = _papers.Query().OrderByDescending(x => x.ListedOn).Limit(1).FirstOrDefault() is { } newest
                ? DateOnly.FromDayNumber(newest.ListedOn)
                : null;
            Volatile.Write(ref _latestListedDay, new StrongBox<DateOnly?>(latest));
            return latest;
        });
    }

    public int Count() => Read(_papers.Count);

    public IReadOnlyList<Paper> ListedSince(DateOnly day)
    {
        var dayNumber = day.DayNumber;
        return Read(() => _papers.Find(x => x.ListedOn >= dayNumber).Select(x => x.ToPaper()).ToList());
    }

    public IReadOnlyList<Paper> FirstSeenBetween(DateTimeOffset after, DateTimeOffset until)
    {
        // A paper is first seen on or after the day it is listed (give or take time zones), so the ListedOn index
        // narrows the scan to recent papers before the exact filter.
        var from = DateOnly.FromDateTime(after.UtcDateTime).AddDays(-7).DayNumber;
        var (low, high) = (after.UtcTicks, until.UtcTicks);
        return Read(() => _papers.Find(x => x.ListedOn >= from)
            .Where(x => x.FirstSeenAt is { } seen && seen.UtcTicks > low && seen.UtcTicks <= high)
            .Select(x => x.ToPaper())
            .ToList());
    }
}
