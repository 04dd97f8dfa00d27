namespace PaperBot.Semantic;

/// <summary>What the background embedder has done, for the log and /healthz.</summary>
public sealed class EmbeddingProgress
{
    private volatile Snapshot _current = new(0, null, 0, null);

    public Snapshot Current => _current;

    /// <summary>Raised after every report, with the new snapshot (on the embedder's thread).</summary>
    public event Action<Snapshot>? Changed;

    internal void Report(int embedded, int? waiting, string? error)
    {
        _current = new(embedded, waiting, _current.EmbeddedThisRun + Math.Max(0, embedded - _current.Embedded), error);
        Changed?.Invoke(_current);
    }

    /// <param name="Embedded">Papers that have a vector.</param>
    /// <param name="Waiting">Stored papers still without one (null before the first count).</param>
    /// <param name="EmbeddedThisRun">Papers this process embedded since it started.</param>
    /// <param name="LastError">Why the last round failed, or null.</param>
    public sealed record Snapshot(int Embedded, int? Waiting, int EmbeddedThisRun, string? LastError)
    {
        /// <summary>Where the backfill stands, in one sentence, as <c>/healthz</c> and the operator page say it.</summary>
        public string Description => LastError is { } error
            ? $"embedding papers failed: {error}"
            : Waiting switch
            {
                null => "embedder not started yet",
                0 => $"every stored paper has a vector ({Embedded})",
                var w => $"embedding in the background: {Embedded} done, {w} to go",
            };
    }
}
