using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Testing;
using PaperBot.Workers;

namespace PaperBot.Tests.Workers;

public sealed class MaintenanceWorkerTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void PruneOnce_ForgetsEventsOlderThanAWeekOnly()
    {
        _bot.Store.TryRecord("slack:event:old", _bot.Time.GetUtcNow() - TimeSpan.FromDays(8));
        _bot.Store.TryRecord("slack:event:new", _bot.Time.GetUtcNow() - TimeSpan.FromDays(1));
        using var worker = new MaintenanceWorker(_bot.Store, _bot.Time, NullLogger<MaintenanceWorker>.Instance);

        Assert.Equal(1, worker.PruneOnce());

        Assert.True(_bot.Store.TryRecord("slack:event:old", _bot.Time.GetUtcNow()));
        Assert.False(_bot.Store.TryRecord("slack:event:new", _bot.Time.GetUtcNow()));
    }
}
