using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Slack.Api;
using PaperBot.Slack.SocketMode;
using PaperBot.Slack.Tests.Support;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>The inputs the fuzzer first found answering 500 or logging an error, kept as plain cases so they stay fixed.</summary>
public sealed class FuzzRegressionTests : IAsyncLifetime
{
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

    private void AssertNoErrorLogged() => Assert.DoesNotContain(_bot.Logs.Lines, l => l.Level >= LogLevel.Error);

    [Fact]
    public async Task Command_TriggerIdLongerThanAnIndexKey_AnswersWithout500()
    {
        using var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("help", new string('t', 5000), _slack.ResponseUrl("x")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task Command_ChannelIdLongerThanAnIndexKey_RefusedWithoutTouchingTheStore()
    {
        var channel = SlackPayloads.General + "," + new string(' ', 2000);

        using var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("subscribe agents", _bot.NextTrigger(), _slack.ResponseUrl("x"), channel));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Store.ActiveSubscriptions());
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task Event_EventIdLongerThanAnIndexKey_AnswersWithout500()
    {
        var body = SlackPayloads.Reaction("reaction_added", new string('E', 5000), SlackPayloads.Alice, SlackPayloads.General, "1764000000.000001");

        using var response = await _bot.PostSignedAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task Click_NullAmongTheActions_AnswersWithout500()
    {
        var click = """{"type":"block_actions","trigger_id":"t1","user":{"id":"U0ALICE"},"actions":[null]}""";

        using var response = await _bot.PostSignedAsync("/slack/interactivity", SlackPayloads.InteractivityForm(click));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoErrorLogged();
    }

    [Theory]
    [InlineData("interactive", """{"type":"block_actions","user":{"id":"U0ALICE"},"actions":[null]}""")]
    [InlineData("events_api", """{"type":"event_callback","event":{"type":"reaction_added","item":{"channel":7}}}""")]
    [InlineData("slash_commands", """{"channel_id":"C0GENERAL","user_id":{"id":"U0ALICE"},"text":"help"}""")]
    public async Task SocketEnvelope_MalformedPayload_AcknowledgedWithoutAnErrorLog(string type, string payload)
    {
        var envelope = JsonSerializer.Deserialize(
            $$"""{"envelope_id":"env-1","type":"{{type}}","payload":{{payload}},"accepts_response_payload":true}""", SlackJsonContext.Default.SocketEnvelope)!;

        var ack = await _bot.Get<SocketEnvelopeHandler>().HandleAsync(envelope, CancellationToken.None);

        Assert.NotNull(ack);
        Assert.Equal("env-1", ack.EnvelopeId);
        AssertNoErrorLogged();
        Assert.Empty(_bot.Store.ListSaved(new UserRef("slack", SlackPayloads.Alice)));
    }
}
