using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>The poller's side of the store.</summary>
public interface IPollStore
{
    PollState GetPollState();

    /// <summary>
    /// Records one poll in a single transaction: upserts every listed paper (refreshing upvotes and other
    /// mutable fields; <see cref="Paper.ListedOn"/> of a known paper is kept), enqueues the new deliveries
    /// (ignoring any whose id already exists) and saves the poll state. Either all of it is durable or none.
    /// </summary>
    void RecordPoll(IReadOnlyList<Paper> listed, IReadOnlyList<Delivery> newDeliveries, PollState state);
}
