using System.Net;
using PaperBot.Core.Channels;
using PaperBot.Testing.Slack;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Telemetry;

/// <summary>
/// <c>GET /metrics</c> of the real process after a poll, a fan-out to two Slack channels (one post answered 500) and
/// a console command: every instrument counts what happened, in the Prometheus text format, with no secret and no
/// channel or user id in it.
/// </summary>
public sealed class MetricsProcessTests : IAsyncLifetime
{
    private const string BotToken = "xoxb-fake-mt";
    private static readonly string[] ChannelIds = ["C0METRICSA", "C0METRICSB"];

    private CrashRig _rig = null!;
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _rig = await CrashRig.StartAsync();
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_AfterAPollAFanOutAndACommand_CountWhatHappenedWithBoundedLabels()
    {
        var database = _rig.Seed(0, ChannelIds.Select(id => new ChannelRef("slack", id)), "slack:U0OWNER");
        _slack.Enqueue("chat.postMessage", new FakeSlackReply(500, "upstream trouble"));
        var environment = new Dictionary<string, string>(_rig.Environment(database))
        {
            ["PaperBot__Console__Commands"] = "true",
            ["PaperBot__Slack__BotToken"] = BotToken,
            ["PaperBot__Slack__SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["PaperBot__Slack__ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["PaperBot__Admin__Token"] = "admin-token-not-needed-for-metrics",
        };

        await using var bot = BotProcess.Start(environment);
        var address = await bot.ListeningAddressAsync();
        await CrashRig.WithOutputAsync(bot, bot.WaitForStderrAsync(log => CountOf(log, "Posted slack:") == 3 && log.Contains("failed (Slack could not be reached: HTTP 500", StringComparison.Ordinal),
            "three posts and one failed attempt", CrashRig.Patience));
        await bot.SendAsync("/papers today");
        await bot.WaitForStdoutAsync("Daily Papers for");

        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var metrics = new PrometheusText(await response.Content.ReadAsStringAsync());

        Assert.Equal(1, metrics.Sum("paperbot_polls_total", ("outcome", "ok")));
        Assert.Equal(3, metrics.Sum("paperbot_papers_recorded_total"));
        Assert.Equal(3, metrics.Sum("paperbot_deliveries_total", ("platform", "slack"), ("outcome", "sent")));
        Assert.Equal(1, metrics.Sum("paperbot_deliveries_total", ("platform", "slack"), ("outcome", "retried")));
        Assert.Equal(3, metrics.Sum("paperbot_outbox_pending"));
        Assert.Equal(1, metrics.Sum("paperbot_platform_requests_total", ("platform", "slack"), ("status", "500")));
        Assert.True(metrics.Sum("paperbot_platform_requests_total", ("platform", "slack"), ("status", "200")) >= 3);
        Assert.Equal(1, metrics.Sum("paperbot_command_duration_seconds_count", ("platform", "console"), ("command", "today")));
        Assert.True(metrics.Has("paperbot_command_duration_seconds_bucket"));
        Assert.Equal(3, metrics.Sum("paperbot_listing_to_post_duration_seconds_count", ("platform", "slack")));
        Assert.True(metrics.Sum("paperbot_rate_limit_waits_total", ("platform", "slack"), ("reason", "pacing")) >= 1,
            "three posts to one channel wait for Slack's one-a-second pacing");
        Assert.True(metrics.Has("paperbot_rate_limit_wait_duration_seconds_bucket"));

        Assert.DoesNotContain(BotToken, metrics.Text);
        Assert.DoesNotContain("admin-token", metrics.Text);
        Assert.All(ChannelIds, id => Assert.DoesNotContain(id, metrics.Text));
        Assert.DoesNotContain("U0OWNER", metrics.Text);
        Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigTerm));
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
