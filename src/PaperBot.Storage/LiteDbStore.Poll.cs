using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public PollState GetPollState() => Read(() => _pollState.FindById(PollStateDoc.Key)?.ToPollState() ?? PollState.Empty);

    public void RecordPoll(IReadOnlyList<Paper> listed, IReadOnlyList<Delivery> newDeliveries, PollState state) => Write(() =>
    {
        Volatile.Write(ref _latestListedDay, null);
        Interlocked.Increment(ref _paperWrites);
        foreach (var paper in listed)
        {
            var doc = PaperDoc.From(paper);

            // A paper keeps the day it first joined the listing (unless that was a guess and the listing now names the
            // day); everything else is refreshed from this poll.
            if (_papers.FindById(doc.Id) is { } known)
            {
                if (PaperDaySources.KeepsStoredDay(known.ParsedDaySource, paper.ListedOnSource))
                {
                    doc.ListedOn = known.ListedOn;
                    doc.DaySource = known.DaySource;
                }

                doc.FirstSeenAt = known.FirstSeenAt;
            }
            else
            {
                doc.FirstSeenAt = InstantDoc.From(state.LastSuccessAt ?? DateTimeOffset.UtcNow);
            }

            _papers.Upsert(doc);
        }

        foreach (var delivery in newDeliveries)
        {
            InsertIfNew(delivery);
        }

        _pollState.Upsert(PollStateDoc.From(state));
    });
}
