using PaperBot.Core.Search;

namespace PaperBot.Workers;

/// <summary>Builds the search index in the background once the host has started, so the first search does not wait for it.</summary>
public sealed class SearchIndexWarmer(PaperSearchIndex index, ILogger<SearchIndexWarmer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            index.EnsureBuilt();

            // The build read every stored paper once; give that transient memory back to the system now, once,
            // instead of carrying a heap sized for it while idle.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            logger.LogInformation("Search index built: {Count} papers in {Milliseconds} ms", index.Count, clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The first search builds it instead.
            logger.LogWarning(ex, "Building the search index at start-up failed; the first search will build it");
        }
    }, stoppingToken);
}
