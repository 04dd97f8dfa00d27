using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Keeps the one-process guarantee when the connection holding PaperBot's lock is lost: the lock is taken again, and if
/// another process took it meanwhile this one stops, rather than both sending every delivery.
/// </summary>
internal sealed partial class PostgresLockWatch(
    PostgresStore store, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<PostgresLockWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!Check())
                {
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One check; false when this process must stop.</summary>
    internal bool Check()
    {
        try
        {
            if (store.CheckProcessLock())
            {
                return true;
            }

            LogTakenOver(logger, store.Location);
            return false;
        }
        catch (NpgsqlException ex)
        {
            LogUnreachable(logger, store.Location, ex.Message);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Another PaperBot process took the lock on {Database} while this one's connection was lost; "
        + "stopping so that deliveries are not sent twice")]
    private static partial void LogTakenOver(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot check PaperBot's lock on {Database} ({Reason}); trying again in 30 seconds")]
    private static partial void LogUnreachable(ILogger logger, string database, string reason);
}
