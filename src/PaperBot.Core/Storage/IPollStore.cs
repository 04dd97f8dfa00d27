using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>The poller's side of the store.</summary>
public interface IPollStore
{
    PollState GetPollState();

    /// <summary>
    /// Records one poll in a single transaction: upserts every listed paper (refreshing upvotes and other
    /// mutable fields; <see cref="Paper.ListedOn"/> and the first-seen time of a known paper are kept, unless its stored day
    /// was a guess and this listing names the day (<see cref="PaperDaySources.KeepsStoredDay"/>); a new paper
    /// is first seen at <see cref="PollState.LastSuccessAt"/>), enqueues the new deliveries
    /// (ignoring any whose id already exists) and saves the poll state. Either all of it is durable or none.
    /// </summary>
    void RecordPoll(IReadOnlyList<Paper> listed, IReadOnlyList<Delivery> newDeliveries, PollState state);
}
