namespace PaperBot.Core.Listing;

public enum ListingHealthStatus
{
    Unknown,
    Healthy,
    Degraded,
}
