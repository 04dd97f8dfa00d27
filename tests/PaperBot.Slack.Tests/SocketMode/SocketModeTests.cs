using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing;

using static PaperBot.Slack.Tests.Support.ReplyText;

namespace PaperBot.Slack.Tests.SocketMode;

/// <summary>Socket Mode end to end: a real WebSocket to the fake Slack, the real command layer and a LiteDB file.</summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private static readonly ChannelRef General = new("slack", SlackPayloads.General);
    private static readonly UserRef Alice = new("slack", SlackPayloads.Alice);

    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    private FakeSocketMode Socket => _slack.Socket;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack, socketMode: true);
        await Socket.WaitForConnectionsAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task<JsonElement> CommandAsync(string text)
    {
        var id = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson(text, _bot.NextTrigger(), _slack.ResponseUrl("cmd")), acceptsResponsePayload: true);
        await Socket.WaitForAckAsync(id);
        var ack = Assert.Single(Socket.AcksOf(id));
        return ack.GetProperty("payload");
    }

    [Fact]
    public async Task Connect_OpensAFreshUrlWithTheAppToken()
    {
        var open = Assert.Single(_slack.CallsTo("apps.connections.open"));

        Assert.Equal($"Bearer {SlackBotHost.AppToken}", open.Authorization);
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Text.Contains(SlackBotHost.AppToken, StringComparison.Ordinal) || l.Text.Contains(SlackBotHost.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpEndpoints_SocketModeWithoutSigningSecret_AreNotServed()
    {
        using var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("subscribe agents", _bot.NextTrigger(), _slack.ResponseUrl("x")));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_bot.Store.SubscriptionsOf(General));
    }

    [Fact]
    public async Task Commands_EverySubcommand_AnswersInTheAcknowledgement()
    {
        Assert.Contains("/papers subscribe", AllText(await CommandAsync("help")), StringComparison.Ordinal);
        Assert.Contains("I don't know the command", AllText(await CommandAsync("frobnicate")), StringComparison.Ordinal);

        var subscribe = await CommandAsync("subscribe \"long context\" OR rope");
        Assert.Equal("ephemeral", subscribe.GetProperty("response_type").GetString());
        var subscription = Assert.Single(_bot.Store.SubscriptionsOf(General));
        Assert.Equal("\"long context\" OR rope", subscription.Query);
        Assert.Contains($"#{subscription.Id}", AllText(await CommandAsync("subscriptions")), StringComparison.Ordinal);
        Assert.Contains("Unsubscribed", AllText(await CommandAsync($"unsubscribe {subscription.Id}")), StringComparison.Ordinal);

        await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "Agents that plan"), SlackPayloads.General);
        var today = await CommandAsync("today");
        Assert.Equal("in_channel", today.GetProperty("response_type").GetString());
        Assert.Contains("Agents that plan", AllText(today), StringComparison.Ordinal);

        Assert.Contains("Saved", AllText(await CommandAsync("save 2509.04664")), StringComparison.Ordinal);
        Assert.Contains("2509.04664", AllText(await CommandAsync("saved")), StringComparison.Ordinal);
        await CommandTour.SearchExportPauseResumeUnsaveAsync(c => CommandAsync(c), _bot, _slack);
    }

    [Fact]
    public async Task Commands_SlowCommand_IsAcknowledgedWithoutPayloadThenAnsweredThroughResponseUrl()
    {
        var id = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson("slow", _bot.NextTrigger(), _slack.ResponseUrl("slow")), acceptsResponsePayload: true);
        await _bot.Time.WaitForTimerAsync(Slack.Inbound.SlackCommandRunner.AckBudget);
        _bot.Time.Advance(TimeSpan.FromSeconds(2));
        await Socket.WaitForAckAsync(id);
        Assert.False(Assert.Single(Socket.AcksOf(id)).TryGetProperty("payload", out _));

        _bot.Gate.Release.SetResult();
        await _slack.WaitForCallsAsync("response/slow", 1);
        Assert.Equal("slow work done", Assert.Single(_slack.CallsTo("response/slow")).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Events_ReactionsAndARetriedEvent_AreAppliedOnceEach()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);
        var added = SlackPayloads.Reaction("reaction_added", "EvAdd", SlackPayloads.Alice, SlackPayloads.General, ts);

        var first = await Socket.DeliverAsync("events_api", added);
        await Socket.WaitForAckAsync(first);
        Assert.Single(_bot.Store.ListSaved(Alice));
        var removed = await Socket.DeliverAsync("events_api", SlackPayloads.Reaction("reaction_removed", "EvRemove", SlackPayloads.Alice, SlackPayloads.General, ts));
        await Socket.WaitForAckAsync(removed);
        var retry = await Socket.DeliverAsync("events_api", added);
        await Socket.WaitForAckAsync(retry);

        Assert.Empty(_bot.Store.ListSaved(Alice));
        Assert.All(new[] { first, removed, retry }, id => Assert.False(Assert.Single(Socket.AcksOf(id)).TryGetProperty("payload", out _)));
    }

    [Fact]
    public async Task Interactive_SaveButton_SavesAndConfirmsEphemerally()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);

        var id = await Socket.DeliverAsync("interactive", SlackPayloads.SaveClick(SlackPayloads.Alice, SlackPayloads.General, ts, "2509.04664", "trig-1", _slack.ResponseUrl("save")));
        await Socket.WaitForAckAsync(id);
        await _slack.WaitForCallsAsync("response/save", 1);

        Assert.Single(_bot.Store.ListSaved(Alice));
        Assert.Equal("ephemeral", Assert.Single(_slack.CallsTo("response/save")).Json.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task Socket_DroppedAndDisconnectedMidStream_LosesNothingAndAppliesNothingTwice()
    {
        // Two commands are applied but their acknowledgements are lost; a third is in flight when the socket dies.
        var a = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson("count a", "trig-a", _slack.ResponseUrl("a")), acceptsResponsePayload: true);
        var b = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson("count b", "trig-b", _slack.ResponseUrl("b")), acceptsResponsePayload: true);
        Socket.LoseAckOf(a);
        Socket.LoseAckOf(b);
        await Socket.WaitForLostAcksAsync(2);
        var c = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson("count c", "trig-c", _slack.ResponseUrl("c")), acceptsResponsePayload: true);
        Socket.Abort();

        // Slack resends everything unacknowledged on the next connection, which needs a fresh URL.
        await Socket.WaitForConnectionsAsync(2);
        var d = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson("count d", "trig-d", _slack.ResponseUrl("d")), acceptsResponsePayload: true);
        foreach (var id in new[] { a, b, c, d })
        {
            await Socket.WaitForAckAsync(id);
        }

        // A planned refresh: disconnect, then one more command on the third connection.
        await Socket.SendDisconnectAsync("refresh_requested");
        await Socket.WaitForConnectionsAsync(3);
        var e = await Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson("count e", "trig-e", _slack.ResponseUrl("e")), acceptsResponsePayload: true);
        await Socket.WaitForAckAsync(e);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1, ["c"] = 1, ["d"] = 1, ["e"] = 1 }, _bot.Counter.Runs.OrderBy(r => r.Key).ToDictionary());
        foreach (var (id, name) in new[] { (a, "a"), (b, "b"), (c, "c"), (d, "d"), (e, "e") })
        {
            Assert.Contains(Socket.AcksOf(id), ack => ack.TryGetProperty("payload", out var payload) && payload.GetProperty("text").GetString() == $"counted {name}");
        }

        var opens = _slack.CallsTo("apps.connections.open");
        Assert.Equal(3, opens.Count);
        Assert.Contains(_bot.Logs.Lines, l => l.Text.Contains("refresh_requested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Socket_DroppedWithUnackedEvent_AppliesItOnceAfterReconnecting()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);
        var added = await Socket.DeliverAsync("events_api", SlackPayloads.Reaction("reaction_added", "EvA", SlackPayloads.Alice, SlackPayloads.General, ts));
        Socket.LoseAckOf(added);
        await Socket.WaitForLostAcksAsync(1);
        Socket.Abort();

        await Socket.WaitForConnectionsAsync(2);
        await Socket.WaitForAckAsync(added);
        var removed = await Socket.DeliverAsync("events_api", SlackPayloads.Reaction("reaction_removed", "EvR", SlackPayloads.Alice, SlackPayloads.General, ts));
        await Socket.WaitForAckAsync(removed);

        Assert.Empty(_bot.Store.ListSaved(Alice));
    }
}
