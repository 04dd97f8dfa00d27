using PaperBot.Core.Listing;

namespace PaperBot.Core.Storage;

/// <summary>
/// What the poller remembers between runs. <see cref="Initialized"/> is false until the first successful
/// poll, which records everything listed as seen and posts nothing (no flood on install).
/// <see cref="Validators"/> identify the listing last recorded, for the next conditional fetch.
/// </summary>
public sealed record PollState(bool Initialized, DateTimeOffset? LastSuccessAt, DateOnly? LastListedDay, ListingValidators? Validators = null)
{
    public static PollState Empty { get; } = new(false, null, null);
}
