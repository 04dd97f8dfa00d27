namespace PaperBot.Semantic;

/// <summary>What the background embedder has done, for the log and /healthz.</summary>
public sealed class EmbeddingProgress
{
    private volatile Snapshot current = new(0, null, 0, null);

    public Snapshot Current => current;

    internal void Report(int embedded, int? waiting, string? error) =>
        current = new(embedded, waiting, current.EmbeddedThisRun + Math.Max(0, embedded - current.Embedded), error);

    /// <param name="Embedded">Papers that have a vector.</param>
    /// <param name="Waiting">Stored papers still without one (null before the first count).</param>
    /// <param name="EmbeddedThisRun">Papers this process embedded since it started.</param>
    /// <param name="LastError">Why the last round failed, or null.</param>
    public sealed record Snapshot(int Embedded, int? Waiting, int EmbeddedThisRun, string? LastError);
}
