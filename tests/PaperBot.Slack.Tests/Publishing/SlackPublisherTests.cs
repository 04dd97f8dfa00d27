using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Outbox;
using PaperBot.Core.Pacing;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;
using PaperBot.Slack.Publishing;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Slack.Tests.Publishing;

public sealed class SlackPublisherTests : IAsyncLifetime
{
    private static readonly ChannelRef General = new("slack", SlackPayloads.General);

    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Publish_NewPaper_PostsBlockKitWithDeliveryMetadataThenAddsTheSaveReaction()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "Agents that plan"), SlackPayloads.General, "agents");

        var post = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", post.Authorization);
        var body = post.Json;
        Assert.Equal(SlackPayloads.General, body.GetProperty("channel").GetString());
        Assert.False(body.GetProperty("unfurl_links").GetBoolean());
        Assert.False(body.GetProperty("unfurl_media").GetBoolean());
        Assert.Equal("paperbot_delivery", body.GetProperty("metadata").GetProperty("event_type").GetString());
        Assert.Equal(Delivery.IdFor(General, "2509.04664"), body.GetProperty("metadata").GetProperty("event_payload").GetProperty("delivery_id").GetString());
        Assert.Contains("Agents that plan", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, body.GetProperty("blocks").GetArrayLength());
        Assert.False(body.TryGetProperty("response_type", out _));

        var reaction = Assert.Single(_slack.CallsTo("reactions.add")).Json;
        Assert.Equal(SlackPayloads.General, reaction.GetProperty("channel").GetString());
        Assert.Equal(ts, reaction.GetProperty("timestamp").GetString());
        Assert.Equal("bookmark", reaction.GetProperty("name").GetString());
        Assert.Equal("2509.04664", _bot.Store.FindPost(General, ts)?.ArxivId);
    }

    [Fact]
    public async Task Publish_ReactionAllowanceSpentInTheSharedBudget_PostsWithoutTheHintAndWaitsForNothing()
    {
        // Replicas share the allowance through the registered budget (the database's, on PostgreSQL): spend it here.
        var budget = _bot.Get<IRateBudget>();
        while (await budget.TryTakeAsync(SlackPublisher.ReactionBudget, SlackPublisher.ReactionPace, CancellationToken.None))
        {
        }

        await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "Agents that plan"), SlackPayloads.General);

        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Empty(_slack.CallsTo("reactions.add"));
    }

    [Fact]
    public async Task Publish_RateLimitedWithRetryAfter_WaitsExactlyThatLongOnTheClockThenPosts()
    {
        _slack.Enqueue("chat.postMessage", FakeSlackReply.RateLimited(7));

        var posting = _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);
        await _bot.Time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        _bot.Time.Advance(TimeSpan.FromSeconds(7));
        await posting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task Publish_RateLimitedForLongerThanItWillWait_LeavesTheDeliveryPendingForALaterRound()
    {
        _slack.Enqueue("chat.postMessage", FakeSlackReply.RateLimited(600));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General));

        var delivery = _bot.Store.FindDelivery(Delivery.IdFor(General, "2509.04664"))!;
        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Contains("rate limit", delivery.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Publish_TwoPapersForOneChannel_SecondWaitsOneSecond()
    {
        var channel = General;
        var now = _bot.Time.GetUtcNow();
        _bot.Store.RecordPoll([TestPapers.Make("2509.00001", "One"), TestPapers.Make("2509.00002", "Two")],
            [Delivery.New(channel, "2509.00001", [], now), Delivery.New(channel, "2509.00002", [], now)], new PollState(true, now, TestPapers.Day));

        var round = _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
        await _bot.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        _bot.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await round.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("not_in_channel", "/invite @PaperBot")]
    [InlineData("channel_not_found", "does not exist for PaperBot")]
    [InlineData("is_archived", "archived")]
    public async Task Publish_ChannelUnreachable_PausesTheChannelWithTheReasonShownInSubscriptions(string error, string reason)
    {
        _slack.Enqueue("chat.postMessage", FakeSlackReply.Error(error));
        await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("subscribe agents", _bot.NextTrigger(), _slack.ResponseUrl("r1")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General));

        Assert.Contains(reason, _bot.Store.FindChannel(General)?.PausedReason, StringComparison.Ordinal);
        var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("subscriptions", _bot.NextTrigger(), _slack.ResponseUrl("r2")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Posting to this channel is paused", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Empty(_slack.CallsTo("reactions.add"));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task Publish_TokenRefused_LogsOneClearErrorAndKeepsDeliveriesWaiting(string error)
    {
        _slack.Fail("chat.postMessage", FakeSlackReply.Error(error));
        var now = _bot.Time.GetUtcNow();
        _bot.Store.RecordPoll([TestPapers.Make("2509.00001", "One"), TestPapers.Make("2509.00002", "Two")],
            [Delivery.New(General, "2509.00001", [], now), Delivery.New(new ChannelRef("slack", "C0OTHER"), "2509.00002", [], now)],
            new PollState(true, now, TestPapers.Day));
        var dispatcher = _bot.Get<DeliveryDispatcher>();

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(0, await dispatcher.DeliverPendingAsync(CancellationToken.None));
            _bot.Time.Advance(TimeSpan.FromMinutes(10));
        }

        // Every round stops at the refusal (no retry loop inside the publisher) and the operator reads one error.
        Assert.InRange(_slack.CallsTo("chat.postMessage").Count, 3, 6);
        var only = Assert.Single(_bot.Logs.At(LogLevel.Error));
        Assert.Contains($"Slack refuses Slack:BotToken ({error})", only, StringComparison.Ordinal);
        Assert.Equal(2, _bot.Store.Pending().Count);
        Assert.All(_bot.Store.Pending(), d => Assert.Equal(0, d.Attempts));
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Text.Contains(SlackBotHost.BotToken, StringComparison.Ordinal));

        // Once the token works again, everything waiting goes out.
        _slack.Heal("chat.postMessage");
        Assert.Equal(2, await dispatcher.DeliverPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Publish_SlackServerError_IsTransientAndRetriedNextRound()
    {
        _slack.Enqueue("chat.postMessage", new FakeSlackReply(503, "upstream down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General));
        var delivery = _bot.Store.FindDelivery(Delivery.IdFor(General, "2509.04664"))!;
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("503", delivery.LastError, StringComparison.Ordinal);

        _bot.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));
        Assert.Null(_bot.Store.FindChannel(General)?.PausedReason);
    }

    [Fact]
    public async Task PublishDigest_SeveralPapers_PostsOneListWithMetadataAndNoReaction()
    {
        var publisher = _bot.Get<IEnumerable<IChannelPublisher>>().Single(p => p.Platform == "slack");
        var papers = Enumerable.Range(1, 10).Select(i => TestPapers.Make($"2509.0000{i - 1}", $"Paper {i}", upvotes: 20 - i)).ToList();

        var outcome = await publisher.PublishDigestAsync(General, new DigestPost("Daily digest for agents", papers), "digest|x", CancellationToken.None);

        Assert.IsType<PublishOutcome.Sent>(outcome);
        var body = Assert.Single(_slack.CallsTo("chat.postMessage")).Json;
        Assert.Equal("digest|x", body.GetProperty("metadata").GetProperty("event_payload").GetProperty("delivery_id").GetString());
        Assert.False(body.TryGetProperty("response_type", out _));
        Assert.Contains("Paper 10", body.GetRawText(), StringComparison.Ordinal);
        Blocks.BlockKitLimits.AssertWithin(body);
        Assert.Empty(_slack.CallsTo("reactions.add"));
    }

    [Fact]
    public async Task FindDelivered_PostInTheChannelHistory_ReturnsItsTsOtherwiseNull()
    {
        _slack.Fail("conversations.history", new FakeSlackReply(200, """
            {"ok":true,"messages":[
              {"type":"message","ts":"1764000000.000009","text":"hi"},
              {"type":"message","ts":"1764000000.000007","metadata":{"event_type":"paperbot_delivery","event_payload":{"delivery_id":"slack:C0GENERAL|2509.04664"}}},
              {"type":"message","ts":"1764000000.000005","metadata":{"event_type":"other_app","event_payload":{"delivery_id":"slack:C0GENERAL|2509.00001"}}}
            ],"has_more":false}
            """));
        var publisher = _bot.Get<IEnumerable<IChannelPublisher>>().Single(p => p.Platform == "slack");

        Assert.Equal("1764000000.000007", await publisher.FindDeliveredAsync(General, "slack:C0GENERAL|2509.04664", CancellationToken.None));
        Assert.Null(await publisher.FindDeliveredAsync(General, "slack:C0GENERAL|2509.00001", CancellationToken.None));
        var call = _slack.CallsTo("conversations.history")[0];
        Assert.Contains("include_all_metadata=true", call.Body, StringComparison.Ordinal);
        Assert.Contains("channel=C0GENERAL", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatcher_InFlightDeliveryThatLanded_IsReconciledNotPostedAgain()
    {
        var now = _bot.Time.GetUtcNow();
        var id = Delivery.IdFor(General, "2509.04664");
        _bot.Store.RecordPoll([TestPapers.Make("2509.04664", "T")], [Delivery.New(General, "2509.04664", [], now)], new PollState(true, now, TestPapers.Day));
        _bot.Store.MarkInFlight(id);
        _slack.Fail("conversations.history", new FakeSlackReply(200,
            $$$$"""{"ok":true,"messages":[{"ts":"1764000000.000042","metadata":{"event_type":"paperbot_delivery","event_payload":{"delivery_id":"{{{{id}}}}"}}}]}"""));

        Assert.Equal(1, await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None));

        Assert.Empty(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("2509.04664", _bot.Store.FindPost(General, "1764000000.000042")?.ArxivId);
    }

    [Fact]
    public async Task Publish_ReactionFails_StillCountsAsSent()
    {
        _slack.Enqueue("reactions.add", FakeSlackReply.Error("missing_scope"));

        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);

        Assert.NotNull(_bot.Store.FindPost(General, ts));
        Assert.Contains(_bot.Logs.At(LogLevel.Warning), l => l.Contains("save reaction", StringComparison.Ordinal) && l.Contains("missing_scope", StringComparison.Ordinal));
    }
}
