using PaperBot.Core.Papers;

namespace PaperBot.Core.Listing;

/// <summary>The outcome of one fetch of the listing.</summary>
public abstract record ListingFetch
{
    private ListingFetch()
    {
    }

    /// <summary>The listing was read. <paramref name="Day"/> is the papers-day it shows, when known.</summary>
    public sealed record Listed(DateOnly? Day, IReadOnlyList<Paper> Papers) : ListingFetch
    {
        /// <summary>This version's validators, to pass to the next fetch once it is recorded; null when the source has none.</summary>
        public ListingValidators? Validators { get; init; }
    }

    /// <summary>The server answered 304: nothing changed since the last fetch.</summary>
    public sealed record NotModified : ListingFetch;

    /// <summary>A 200 answer with no recognisable papers: the page's layout changed. Never "no papers".</summary>
    public sealed record LayoutChanged(string Reason) : ListingFetch;

    /// <summary>The listing could not be reached (after retries): network error, timeout, HTTP error.</summary>
    public sealed record Unavailable(string Reason) : ListingFetch;
}
