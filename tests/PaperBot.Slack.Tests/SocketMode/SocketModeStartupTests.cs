using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Slack.SocketMode;
using PaperBot.Slack.Tests.Support;

namespace PaperBot.Slack.Tests.SocketMode;

public sealed class SocketModeStartupTests
{
    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_allowed_token_type")]
    public async Task Start_AppTokenRefused_LogsOneClearErrorAndStopsTrying(string error)
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Enqueue("apps.connections.open", FakeSlackReply.Error(error));
        await using var bot = await SlackBotHost.StartAsync(slack, socketMode: true);

        var worker = bot.Get<IEnumerable<IHostedService>>().OfType<SocketModeWorker>().Single();
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(slack.CallsTo("apps.connections.open"));
        var line = Assert.Single(bot.Logs.At(LogLevel.Error));
        Assert.Contains($"Slack refuses Slack:AppToken ({error})", line, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackBotHost.AppToken, line, StringComparison.Ordinal);
        var health = worker.Report();
        Assert.False(health.Healthy);
        Assert.Contains(error, health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OpenFailsRepeatedly_BacksOffOnTheClockThenConnects()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Enqueue("apps.connections.open", new FakeSlackReply(500, "oops"));
        slack.Enqueue("apps.connections.open", new FakeSlackReply(500, "oops"));
        await using var bot = await SlackBotHost.StartAsync(slack, socketMode: true);

        // First retry at once; the second waits on the clock (1 s with up to 20% jitter either way).
        await bot.Time.TimerCreated.WaitAsync(() => bot.Time.Timers.Any(t => t >= TimeSpan.FromSeconds(0.8) && t <= TimeSpan.FromSeconds(1.2)), "a backoff wait");
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
        bot.Time.Advance(TimeSpan.FromSeconds(2));

        await slack.Socket.WaitForConnectionsAsync(1);
        Assert.Equal(3, slack.CallsTo("apps.connections.open").Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 8)]
    [InlineData(50, 60)]
    public void Backoff_WithoutJitter_DoublesFromOneSecondToAMinute(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReconnectBackoff.Delay(failures, 0.5));
}
