using PaperBot.Core.Storage;

namespace PaperBot.Storage.Postgres.Copying;

/// <summary>
/// Copies everything a LiteDB store holds into a PostgreSQL store (papers with their first-seen times, channels, subscriptions
/// with their ids, deliveries in every state, posts, reading lists, inbound events, embeddings, poll state) in one transaction,
/// and commits only when every count in the target equals the source's. A non-empty target is refused unless forced.
/// </summary>
public static class StoreCopy
{
    private const int SliceSize = 1_000;

    /// <summary>Copies and verifies; returns the counts (equal in both). <paramref name="progress"/> hears one line per kind.</summary>
    /// <exception cref="StoreCopyRefusedException">The target holds data and <paramref name="force"/> is false.</exception>
    /// <exception cref="InvalidOperationException">A count differs after the copy (nothing is committed then).</exception>
    public static StoreCounts Run(LiteDbStore source, PostgresStore target, bool force, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        using var import = target.BeginImport();
        var before = import.Count();
        if (!before.IsEmpty)
        {
            if (!force)
            {
                throw new StoreCopyRefusedException(target.Location, before);
            }

            import.Clear();
        }

        var expected = source.CountAll();
        Slices(p => source.ExportPapers(p, SliceSize), p => p.Paper.ArxivId, import.Papers);
        import.Channels(source.AllChannels());
        import.Subscriptions(source.AllSubscriptions(), source.LastSubscriptionId());
        Slices(d => source.ExportDeliveries(d, SliceSize), d => d.Id, import.Deliveries);
        Slices(p => source.ExportPosts(p, SliceSize), LiteDbStore.PostKey, import.Posts);
        Slices(s => source.ExportSaved(s, SliceSize), LiteDbStore.SavedKey, import.Saved);
        Slices(e => source.ExportInboundEvents(e, SliceSize), e => e.Key, import.InboundEvents);
        Slices(e => source.ExportEmbeddings(e, SliceSize), e => e.ArxivId, import.Embeddings);
        if (expected.PollState)
        {
            import.PollState(source.GetPollState());
        }

        var copied = import.Count();
        foreach (var ((kind, want), (_, got)) in expected.ByKind.Zip(copied.ByKind))
        {
            progress?.Invoke($"  {kind,-22} {want,9} -> {got,9}{(want == got ? "" : "   MISMATCH")}");
        }

        if (copied != expected)
        {
            throw new InvalidOperationException("The counts in the target differ from the LiteDB file's after copying (see above); nothing was committed.");
        }

        import.Commit();
        return copied;
    }

    private static void Slices<T>(Func<string?, IReadOnlyList<T>> read, Func<T, string> key, Action<IReadOnlyList<T>> write)
    {
        string? after = null;
        while (read(after) is { Count: > 0 } slice)
        {
            write(slice);
            after = key(slice[^1]);
        }
    }
}
