namespace PaperBot.Core.Listing;

/// <summary>
/// The listing's health as the poller last saw it; read by <c>/healthz</c>. Thread-safe.
/// </summary>
public sealed class ListingHealth
{
    private volatile Snapshot _current = new(ListingHealthStatus.Unknown, "no poll yet", null);

    public Snapshot Current => _current;

    public void ReportHealthy(DateTimeOffset at, string description) =>
        _current = new Snapshot(ListingHealthStatus.Healthy, description, at);

    public void ReportDegraded(DateTimeOffset at, string reason) =>
        _current = new Snapshot(ListingHealthStatus.Degraded, reason, at);

    public sealed record Snapshot(ListingHealthStatus Status, string Description, DateTimeOffset? At);
}
