namespace PaperBot.Core.Listing;

/// <summary>
/// The listing's health as the poller last saw it; read by <c>/healthz</c>. Thread-safe.
/// </summary>
public sealed class ListingHealth
{
    private volatile Snapshot _current = new(ListingHealthStatus.Unknown, "no poll yet", null);

    private readonly TaskCompletionSource _firstReport = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Snapshot Current => _current;

    /// <summary>Completes when the first poll has reported, whatever its outcome.</summary>
    public Task FirstReport => _firstReport.Task;

    /// <summary>Raised after every report, with the new snapshot (on the reporting thread).</summary>
    public event Action<Snapshot>? Changed;

    public void ReportHealthy(DateTimeOffset at, string description) =>
        Set(new Snapshot(ListingHealthStatus.Healthy, description, at));

    public void ReportDegraded(DateTimeOffset at, string reason) =>
        Set(new Snapshot(ListingHealthStatus.Degraded, reason, at));

    private void Set(Snapshot snapshot)
    {
        _current = snapshot;
        _firstReport.TrySetResult();
        Changed?.Invoke(snapshot);
    }

    public sealed record Snapshot(ListingHealthStatus Status, string Description, DateTimeOffset? At);
}
