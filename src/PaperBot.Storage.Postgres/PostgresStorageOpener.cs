using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Depending on the store makes the host open it (connect and migrate) at start-up, so an unreachable database or
/// missing rights stop the bot before it connects to any chat, rather than on the first poll.
/// </summary>
internal sealed partial class PostgresStorageOpener(PostgresStore store, ILogger<PostgresStorageOpener> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOpened(logger, store.Location);
        foreach (var upgrade in store.Upgrades)
        {
            LogUpgraded(logger, upgrade);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage opened: PostgreSQL {Database}")]
    private static partial void LogOpened(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Upgrade}")]
    private static partial void LogUpgraded(ILogger logger, string upgrade);
}
