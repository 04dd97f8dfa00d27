using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaperBot.Storage;

/// <summary>
/// Resolving the store is what opens it; depending on it here makes the host open it at start-up, so a locked
/// or unreadable database stops the bot before it connects to any chat rather than on the first poll.
/// </summary>
internal sealed partial class StorageOpener(LiteDbStore store, ILogger<StorageOpener> logger) : IHostedService
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage opened at {DatabasePath}")]
    private static partial void LogOpened(ILogger logger, string databasePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Upgrade}")]
    private static partial void LogUpgraded(ILogger logger, string upgrade);
}
