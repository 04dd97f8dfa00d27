using PaperBot.Core.Listing;

namespace PaperBot.Core.Storage;

/// <summary>
/// What the poller remembers between runs. <see cref="Initialized"/> is false until the first successful
/// poll, which records everything listed as seen and posts nothing (no flood on install).
/// <see cref="Validators"/> identify the listing last recorded, for the next conditional fetch.
/// <see cref="RecheckFrom"/>, when set, asks the next poll to read the papers-days from that day on again (up to a week),
/// so that stored papers whose day was only estimated get the day the listing names (set by a store upgrade).
/// </summary>
public sealed record PollState(
    bool Initialized, DateTimeOffset? LastSuccessAt, DateOnly? LastListedDay, ListingValidators? Validators = null, DateOnly? RecheckFrom = null)
{
    public static PollState Empty { get; } = new(false, null, null);
}
