using PaperBot.Slack.Tests.Support;

namespace PaperBot.Slack.Tests.Outbox;

/// <summary>
/// The Socket Mode WebSocket dies mid-fan-out and cannot come back until the fan-out is over: posts go out over
/// the Web API regardless, and the socket reconnects afterwards with nothing lost.
/// </summary>
public sealed class FanOutSocketDropTests : IAsyncLifetime
{
    private FanOut _fanOut = null!;

    private FakeSocketMode Socket => _fanOut.Slack.Socket;

    public async Task InitializeAsync() => _fanOut = await FanOut.StartAsync(socketMode: true);

    public async Task DisposeAsync() => await _fanOut.DisposeAsync();

    [Fact]
    public async Task FanOut_SocketDroppedMidway_PostsKeepGoingAndTheSocketReconnectsAfterwards()
    {
        var firstRound = await _fanOut.StartFirstRoundAsync();

        // The network drops the socket; Slack hands out a new URL only once the fan-out is done.
        var reopen = _fanOut.Slack.Hold("apps.connections.open");
        Socket.Abort();
        await _fanOut.Slack.WaitForCallsAsync("apps.connections.open", 2);
        await _fanOut.Slack.Changed.WaitAsync(() => !Socket.IsConnected, "the dropped socket to be gone at Slack's end");

        // A command typed while the socket is down waits at Slack's end.
        var command = await Socket.DeliverAsync("slash_commands",
            SlackPayloads.CommandJson("count during-fan-out", "trig-fan-out", _fanOut.Slack.ResponseUrl("fan-out")), acceptsResponsePayload: true);

        await _fanOut.DeliverUntilNothingOwedAsync(firstRound);

        _fanOut.AssertEveryPaperPostedOnceInEveryChannel();
        Assert.Equal(1, Socket.Connections);
        Assert.False(Socket.IsConnected);
        Assert.Empty(Socket.AcksOf(command));

        reopen.SetResult();
        await Socket.WaitForConnectionsAsync(2);
        await Socket.WaitForAckAsync(command);

        Assert.Equal(2, _fanOut.Slack.CallsTo("apps.connections.open").Count);
        var ack = Assert.Single(Socket.AcksOf(command));

        // The answer rides on the ack when the command was done within the ack budget, else it follows.
        if (!ack.TryGetProperty("payload", out var payload) || payload.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            await _fanOut.Slack.WaitForCallsAsync("response/fan-out", 1);
        }

        Assert.Equal(1, _fanOut.Bot.Counter.Runs["during-fan-out"]);

        // Reconnecting posted nothing more.
        _fanOut.AssertEveryPaperPostedOnceInEveryChannel();
    }
}
