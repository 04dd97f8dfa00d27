using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

/// <summary>
/// Versioned upgrades of the store's data, run when a store is opened, each in one transaction with the version bump.
/// Version 1 (no schema row) took a paper's papers-day from the item's top-level <c>publishedAt</c>, which is the
/// arXiv time, so its stored days are wrong; version 2 records where each day came from and repairs them.
/// </summary>
internal static class StoreUpgrade
{
    public const int CurrentVersion = 2;

    /// <summary>How many papers-days before the newest stored one the next poll reads again after the upgrade.</summary>
    public const int RecheckDays = 7;

    private const int PageSize = 1_000;

    /// <summary>Brings the store to <see cref="CurrentVersion"/>; returns what it did, one sentence per upgrade, for the log.</summary>
    /// <exception cref="StoreOpenException">The store was written by a newer PaperBot.</exception>
    public static IReadOnlyList<string> Run(LiteDatabase db, string location)
    {
        var meta = db.GetCollection<SchemaDoc>("meta");
        var version = meta.FindById(SchemaDoc.Key)?.Version ?? 1;
        if (version > CurrentVersion)
        {
            throw new StoreOpenException(location,
                $"it was written by a newer PaperBot (store schema version {version}; this one knows up to {CurrentVersion}), so upgrade PaperBot to use it.",
                advice: "Keep the file: it holds your data, and a newer PaperBot reads it. Do not move it aside or restore an older backup over it.");
        }

        var done = new List<string>();
        if (version < 2)
        {
            db.BeginTrans();
            try
            {
                if (EstimateListingDays(db) is { } report)
                {
                    done.Add(report);
                }

                meta.Upsert(new SchemaDoc { Version = 2 });
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }

            db.Checkpoint();
        }

        return done;
    }

    /// <summary>
    /// Version 2: a stored day was the arXiv time's date, which is earlier than (or, on 2024 pages, equal to) the day the
    /// paper was listed. The day PaperBot first saw the paper is the nearer estimate; the papers of the last week are
    /// then read again from the listing, which names their real day (see <see cref="Core.Storage.PollState.RecheckFrom"/>).
    /// </summary>
    private static string? EstimateListingDays(LiteDatabase db)
    {
        var papers = db.GetCollection<PaperDoc>("papers");
        var changed = 0;
        var estimated = 0;
        int? newest = null;

        // In pages along the id index, so that a store of years of papers is never held in memory at once.
        var after = "";
        while (true)
        {
            var page = papers.Query().Where(BsonExpression.Create("_id > @0", new BsonValue(after))).OrderBy(x => x.Id).Limit(PageSize).ToList();
            if (page.Count == 0)
            {
                break;
            }

            foreach (var doc in page.Where(d => d.DaySource is null))
            {
                var seen = doc.FirstSeenAt is { } first ? DateOnly.FromDateTime(first.ToDateTimeOffset().UtcDateTime).DayNumber : (int?)null;
                if (seen is { } day && day > doc.ListedOn)
                {
                    doc.ListedOn = day;
                    changed++;
                }

                doc.DaySource = nameof(PaperDaySource.Estimated);
                papers.Update(doc);
                estimated++;
                newest = Math.Max(newest ?? doc.ListedOn, doc.ListedOn);
            }

            after = page[^1].Id;
        }

        if (estimated == 0)
        {
            return null;
        }

        var pollState = db.GetCollection<PollStateDoc>("meta");
        if (pollState.FindById(PollStateDoc.Key) is { } state && newest is { } last)
        {
            state.RecheckFrom = last - RecheckDays;
            pollState.Upsert(state);
        }

        return $"Upgraded the store to version 2: the papers-day of {estimated} stored papers was taken from the arXiv date by earlier " +
            $"versions; {changed} were moved to the day PaperBot first saw them, and the next poll reads the last {RecheckDays} papers-days " +
            "again so that recent papers get the day the listing names";
    }
}
