namespace PaperBot.Core.Listing;

/// <summary>
/// What identifies one version of the listing (HTTP <c>ETag</c> / <c>Last-Modified</c>), so the next fetch can
/// ask "changed since?". Kept with the poll state and advanced only in the same transaction that records
/// the listing, so a listing that could not be recorded is fetched again in full.
/// </summary>
public sealed record ListingValidators(string? ETag, DateTimeOffset? LastModified);
