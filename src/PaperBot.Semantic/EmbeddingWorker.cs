using System.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Semantic;

namespace PaperBot.Semantic;

/// <summary>
/// Gives every stored paper a vector in the background: new papers soon after the poll stores them, and papers
/// stored before this version (the backfill), a bounded batch at a time with progress in the log and /healthz.
/// Polls and commands never wait for it; a command that needs a vector first computes just that one.
/// </summary>
public sealed partial class EmbeddingWorker(
    PaperVectors vectors, EmbeddingProgress progress, IOptions<SemanticOptions> options, TimeProvider time, ILogger<EmbeddingWorker> logger)
    : BackgroundService
{
    /// <summary>Papers embedded per store round trip: a few batches of the model.</summary>
    public const int RoundSize = 32;

    /// <summary>Embeds until no stored paper lacks a vector; returns how many it embedded.</summary>
    internal async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var waiting = vectors.CountMissing();
        progress.Report(vectors.Count, waiting, error: null);
        if (waiting > 0)
        {
            LogBackfillStart(waiting);
        }

        while (waiting > 0)
        {
            var done = await vectors.BackfillAsync(RoundSize, cancellationToken, compactAfterRead: true).ConfigureAwait(false);
            if (done == 0)
            {
                break;
            }

            total += done;
            waiting = Math.Max(0, waiting - done);
            progress.Report(vectors.Count, waiting, error: null);
            LogProgress(total, waiting);
            GiveBackRoundMemory();
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits one interval: start-up and the first poll come first, and a short-lived run of the
        // bot (a tool command, a test host) never loads the model for nothing.
        using var timer = new PeriodicTimer(options.Value.EmbedInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CatchUpAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                progress.Report(progress.Current.Embedded, progress.Current.Waiting, ex.Message);
                LogFailed(ex);
            }
        }
    }

    /// <summary>
    /// A round reads papers from the store and runs the model over them: tens of MB of short-lived buffers, which the
    /// server GC keeps committed for the next round, so a backlog grows the process by about 90 MB at 20,000 papers
    /// (the semantic-host benchmark). The read's garbage is collected before the model runs (BackfillAsync's
    /// compactAfterRead); one full collection after each round (a few tens of ms against the round's several seconds
    /// of embedding) hands back the rest.
    /// </summary>
    private static void GiveBackRoundMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding {Waiting} stored papers that have no vector yet, in the background")]
    private partial void LogBackfillStart(int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Done} papers; {Waiting} to go")]
    private partial void LogProgress(int done, int waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding papers failed; will try again at the next round")]
    private partial void LogFailed(Exception ex);
}
