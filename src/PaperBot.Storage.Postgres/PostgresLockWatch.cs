using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Keeps PaperBot's lock when the connection holding it is lost: the lock is taken again (shared by the replicas), and if
/// a <c>storage migrate</c> took it alone meanwhile this replica stops rather than write while the database is replaced.
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

    [LoggerMessage(Level = LogLevel.Critical, Message = "Another PaperBot process (a storage migrate) took PaperBot's lock on {Database} alone while this "
        + "replica's connection was lost; stopping rather than write while it replaces the data")]
    private static partial void LogTakenOver(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot check PaperBot's lock on {Database} ({Reason}); trying again in 30 seconds")]
    private static partial void LogUnreachable(ILogger logger, string database, string reason);
}
