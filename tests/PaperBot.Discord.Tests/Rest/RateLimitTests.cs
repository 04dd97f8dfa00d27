using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Rest;

/// <summary>
/// The fake Discord enforces a per-channel bucket and counts every request sent into an exhausted one; time is
/// the test's, advanced only when the client is seen waiting, so these tests neither sleep nor race.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private static readonly ChannelRef Channel = new("discord", "645027906669510667");
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IChannelPublisher Publisher => _host.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == "discord");

    [Fact]
    public async Task Publish_BucketExhausted_WaitsForResetInsteadOfSending()
    {
        _host.Fake.Rest.MessageLimit = 2;
        _host.Fake.Rest.MessageWindow = TimeSpan.FromSeconds(5);

        Assert.IsType<PublishOutcome.Sent>(await PublishAsync(1));
        Assert.IsType<PublishOutcome.Sent>(await PublishAsync(2));
        var third = PublishAsync(3);
        var wait = await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));

        Assert.False(third.IsCompleted);
        Assert.Equal(2, _host.Fake.Rest.RequestsTo("POST", "/messages").Count);
        _host.Time.Advance(wait);
        Assert.IsType<PublishOutcome.Sent>(await third.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, _host.Fake.Rest.RequestsTo("POST", "/messages").Count);
        Assert.Equal(0, _host.Fake.Rest.Violations);
    }

    [Fact]
    public async Task Publish_ManyPostsOneChannel_NeverSendsIntoExhaustedBucket()
    {
        _host.Fake.Rest.MessageLimit = 3;
        var all = Task.WhenAll(Enumerable.Range(1, 10).Select(PublishAsync));
        var waits = 0;
        while (!all.IsCompleted)
        {
            var waiting = _host.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= _host.Fake.Rest.MessageWindow);
            if (await Task.WhenAny(all, waiting).WaitAsync(TimeSpan.FromSeconds(10)) == waiting)
            {
                _host.Time.Advance(await waiting);
                waits++;
            }
        }

        Assert.All(await all, o => Assert.IsType<PublishOutcome.Sent>(o));
        Assert.Equal(10, _host.Fake.Rest.RequestsTo("POST", "/messages").Count);
        Assert.True(waits >= 3, $"10 posts through a bucket of 3 need at least 3 waits for a reset; saw {waits}");
        Assert.Equal(0, _host.Fake.Rest.Violations);
    }

    [Fact]
    public async Task Publish_429_WaitsExactlyRetryAfterThenSucceeds()
    {
        _host.Fake.Rest.EnqueueTooManyRequests(1.375);

        var post = PublishAsync(1);
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1.375));

        Assert.Single(_host.Fake.Rest.RequestsTo("POST", "/messages"));
        _host.Time.Advance(TimeSpan.FromSeconds(1.375));
        Assert.IsType<PublishOutcome.Sent>(await post.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _host.Fake.Rest.RequestsTo("POST", "/messages").Count);
    }

    [Fact]
    public async Task Publish_Global429_BlocksOtherChannelsForRetryAfter()
    {
        _host.Fake.Rest.EnqueueTooManyRequests(2.5, global: true);

        var first = PublishAsync(1);
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2.5));
        var other = Publisher.PublishAsync(new ChannelRef("discord", "999999999999999999"), Post(2), "other", CancellationToken.None);
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2.5));

        Assert.Single(_host.Fake.Rest.RequestsTo("POST", "/messages"));
        _host.Time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.IsType<PublishOutcome.Sent>(await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<PublishOutcome.Sent>(await other.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Publish_429LongerThanMaxWait_TransientWithRetryAfter()
    {
        _host.Fake.Rest.EnqueueTooManyRequests(600);

        var outcome = await PublishAsync(1);

        var transient = Assert.IsType<PublishOutcome.Transient>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(600), transient.RetryAfter);
        Assert.Single(_host.Fake.Rest.RequestsTo("POST", "/messages"));
    }

    private Task<PublishOutcome> PublishAsync(int n) => Publisher.PublishAsync(Channel, Post(n), $"delivery-{n}", CancellationToken.None);

    private static PaperPosted Post(int n) => new(TestPapers.Make($"2511.{n:00000}", $"Paper {n}"), []);
}
