using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Channels;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Platforms;
using Xunit.Abstractions;

namespace PaperBot.Discord.Tests.Delivery;

/// <summary>
/// The Gateway connection (reactions) drops in the middle of a fan-out of 3 papers to 20 channels: posting goes on
/// over REST while the Gateway is down, the session is resumed, and the fan-out still posts every paper to every
/// channel exactly once. REST is the fault-injecting fake; the Gateway is <see cref="FakeDiscord"/>'s WebSocket.
/// </summary>
public sealed class GatewayDropFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Discord's own interval. The client's first beat may fall within the test, but a missing ACK would only be
    /// noticed a whole interval later, long after it: the fake need not answer heartbeats.
    /// </summary>
    private const int HeartbeatInterval = 41_250;

    /// <summary>This create's answer is held until the session is resumed, so the fan-out surely spans the outage.</summary>
    private const int HeldPost = 20;

    /// <summary>Posts the fake must take while the Gateway is down before the resume is let through.</summary>
    private const int PostsDuringOutage = 15;

    private FakeDiscordRest _rest = null!;
    private FakeDiscord _gateway = null!;
    private FanOutBot _bot = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeDiscordRest.StartAsync(new DiscordLimits(TimeProvider.System));
        _gateway = await FakeDiscord.StartAsync(TimeProvider.System);
        _bot = await FanOutBot.StartAsync(_rest.ApiBaseUrl, new Dictionary<string, string?>
        {
            ["Discord:Gateway:Enabled"] = "true",
            ["Discord:Gateway:Url"] = _gateway.GatewayUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
    }

    [Fact]
    public async Task FanOut_GatewayDroppedMidWay_PostingGoesOnSessionResumesEachPaperPostedOnce()
    {
        var first = await ReadySessionAsync();
        _bot.SeedFanOut();
        var held = _rest.HoldAnswerTo(HeldPost);
        var fanOut = _bot.DeliverUntilDoneAsync();
        await _rest.WaitUntilAsync(p => p.Count >= HeldPost, FanOutBot.Patience, $"post {HeldPost}");

        // The network blips: the Gateway connection drops without a close frame, and REST connections reset too.
        first.Drop();
        _rest.Faults.Burst(Fault.ConnectionReset, 5);
        var second = await _gateway.NextConnectionAsync();
        await _rest.WaitUntilAsync(p => p.Count >= HeldPost + PostsDuringOutage, FanOutBot.Patience, "posts while the Gateway is down");
        var stillOwed = _bot.Store.Pending().Count;
        await second.HelloAsync(HeartbeatInterval);
        var resume = (await second.ReceiveOpAsync(6))["d"]!;
        await second.DispatchAsync("RESUMED", 2, new JsonObject());
        await _bot.Logs.WaitForAsync("Discord Gateway session resumed");
        held.TrySetResult();
        var rounds = await fanOut;

        output.WriteLine(FanOutAssert.Summary(_bot, _rest, rounds));
        var posts = _rest.Posts;
        FanOutAssert.EachDeliveredOnce(_bot, posts);
        Assert.True(stillOwed > 0, "The fan-out was over before the Gateway came back");
        Assert.Equal(5, _rest.Faults.Served(Fault.ConnectionReset));
        Assert.Equal("/resume", second.Path);
        Assert.Equal(GatewayJson.SessionId, resume["session_id"]!.GetValue<string>());
        Assert.Equal(1, (long)resume["seq"]!);
        Assert.True(_bot.Services.GetRequiredService<DiscordGatewayService>().Report().Healthy);

        // The resumed session serves the fan-out's messages: the save emoji on the held post saves its paper.
        var post = posts.Single(p => p.Number == HeldPost);
        await second.DispatchAsync("MESSAGE_REACTION_ADD", 3, Reaction(post));
        await _bot.Logs.WaitForAsync($"by user {InteractionJson.UserId} on message {post.MessageId}");
        var saved = Assert.Single(_bot.Store.ListSaved(new UserRef("discord", InteractionJson.UserId)));
        Assert.Equal(_bot.DeliveryOf(post).ArxivId, saved.ArxivId);
    }

    /// <summary>Accepts the Gateway connection the bot opened at start-up and brings a session up (READY, sequence 1).</summary>
    private async Task<FakeGatewayConnection> ReadySessionAsync()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(HeartbeatInterval);
        await connection.ReceiveOpAsync(2);
        await connection.DispatchAsync("READY", 1, GatewayJson.Ready(_gateway.ResumeUrl));
        await _bot.Logs.WaitForAsync("Discord Gateway session ready");
        return connection;
    }

    private static JsonObject Reaction(DiscordPost post)
    {
        var reaction = GatewayJson.Reaction(InteractionJson.UserId, post.MessageId, DiscordOptions.DefaultSaveEmoji);
        reaction["channel_id"] = post.ChannelId;
        return reaction;
    }
}
