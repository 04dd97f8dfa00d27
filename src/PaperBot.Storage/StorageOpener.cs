using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaperBot.Storage;

/// <summary>
/// Resolving the store is what opens it (LiteDB or PostgreSQL); depending on it here makes the host open it at start-up,
/// so a locked, unreadable or unreachable database stops the bot before it connects to any chat rather than on the
/// first poll. Registered with the provider's store: <c>services.AddHostedService(sp =&gt; new StorageOpener(store, logger))</c>.
/// </summary>
public sealed partial class StorageOpener(IOpenedStore store, ILogger<StorageOpener> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOpened(logger, store.Description);
        foreach (var upgrade in store.Upgrades)
        {
            LogUpgraded(logger, upgrade);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage opened: {Store}")]
    private static partial void LogOpened(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Upgrade}")]
    private static partial void LogUpgraded(ILogger logger, string upgrade);
}
