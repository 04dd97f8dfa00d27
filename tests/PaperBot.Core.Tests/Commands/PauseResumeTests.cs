using PaperBot.Core.Commands;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class PauseResumeTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Pause_StopsMatchingForThisChannelAndShowsWhoPaused()
    {
        await _bot.RunAsync("/papers subscribe agents");
        await _bot.RunAsync("/papers subscribe agents", channel: TestBot.Robots);

        await _bot.RunAsync<ConfirmationResult>("/papers pause");

        var list = await _bot.RunAsync<SubscriptionListResult>("/papers subscriptions");
        Assert.Contains("paused by Alice with /papers pause", list.PausedReason);
        Assert.Equal([TestBot.Robots], _bot.Store.ActiveSubscriptions().Select(s => s.Channel));
        Assert.Contains("already paused", (await _bot.RunAsync<ConfirmationResult>("/papers pause")).Message);
    }

    [Fact]
    public async Task Resume_ClearsAPauseOrAnUnreachableMark()
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Store.SetPaused(TestBot.General, "PaperBot lost access to this channel (403)", _bot.Time.GetUtcNow());

        var confirmation = await _bot.RunAsync<ConfirmationResult>("/papers resume");

        Assert.Contains("it was paused: PaperBot lost access", confirmation.Message);
        Assert.Null(_bot.Store.FindChannel(TestBot.General)?.PausedReason);
        Assert.Contains("not paused", (await _bot.RunAsync<ConfirmationResult>("/papers resume")).Message);
    }

    [Theory]
    [InlineData("/papers pause")]
    [InlineData("/papers resume")]
    public async Task PauseAndResume_WithoutManagePermission_Refused(string command)
    {
        _bot.Store.SetPaused(TestBot.General, command.EndsWith("resume", StringComparison.Ordinal) ? "paused" : null, _bot.Time.GetUtcNow());
        var before = _bot.Store.FindChannel(TestBot.General)?.PausedReason;

        await _bot.RunAsync<ErrorResult>(command, canManage: false);

        Assert.Equal(before, _bot.Store.FindChannel(TestBot.General)?.PausedReason);
    }
}
