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
            logger.LogInformation("Search index built: {Count} papers in {Milliseconds} ms", index.Count, clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The first search builds it instead.
            logger.LogWarning(ex, "Building the search index at start-up failed; the first search will build it");
        }
    }, stoppingToken);
}
