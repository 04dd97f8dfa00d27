using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Rest;

/// <summary>Discord's side of <c>/metrics</c>: every REST request counted by status, every rate-limit wait by reason.</summary>
public sealed class PlatformMetricsTests : IAsyncLifetime
{
    private static readonly ChannelRef Channel = new("discord", "645027906669510667");
    private DiscordHost _host = null!;
    private MeterRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _host = await DiscordHost.StartAsync();
        _metrics = new MeterRecorder(_host.Services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _host.DisposeAsync();
    }

    private IChannelPublisher Publisher => _host.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == "discord");

    [Fact]
    public async Task Publish_ThroughAnExhaustedBucket_CountsRequestsByStatusAndThePacingWait()
    {
        _host.Fake.Rest.MessageLimit = 1;
        _host.Fake.Rest.MessageWindow = TimeSpan.FromSeconds(5);

        Assert.IsType<PublishOutcome.Sent>(await PublishAsync(1));
        var second = PublishAsync(2);
        _host.Time.Advance(await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5)));
        Assert.IsType<PublishOutcome.Sent>(await second.WaitAsync(TimeSpan.FromSeconds(10)));

        var posts = _host.Fake.Rest.RequestsTo("POST", "/messages").Count;
        Assert.Equal(2, posts);
        Assert.True(_metrics.Sum("paperbot.platform.requests", ("platform", "discord"), ("status", "200")) >= posts);
        Assert.Equal(0, _metrics.Count("paperbot.platform.requests", ("platform", "discord"), ("status", "429")));
        Assert.Equal(1, _metrics.Count("paperbot.rate_limit.waits", ("platform", "discord"), ("reason", "pacing")));
        Assert.Equal(1, _metrics.Count("paperbot.rate_limit.wait.duration", ("platform", "discord"), ("reason", "pacing")));
    }

    private Task<PublishOutcome> PublishAsync(int n) =>
        Publisher.PublishAsync(Channel, new PaperPosted(TestPapers.Make($"2511.{n:00000}", $"Paper {n}"), []), $"delivery-{n}", CancellationToken.None);
}
