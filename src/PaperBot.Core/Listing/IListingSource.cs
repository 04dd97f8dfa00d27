namespace PaperBot.Core.Listing;

/// <summary>Where papers come from: the Hugging Face Daily Papers listing (page, API or a saved file).</summary>
public interface IListingSource
{
    /// <summary>
    /// Fetches the latest papers-day (<paramref name="day"/> null) or one specific day. With
    /// <paramref name="validators"/> (from the last listing the caller recorded) a source may answer
    /// <see cref="ListingFetch.NotModified"/> when nothing changed since.
    /// Never throws for network or format problems: they come back as <see cref="ListingFetch.Unavailable"/>
    /// or <see cref="ListingFetch.LayoutChanged"/>. Only cancellation throws.
    /// </summary>
    Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken);
}
