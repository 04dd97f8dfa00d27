using System.Net;
using System.Text.Json;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing;

using static PaperBot.Slack.Tests.Support.ReplyText;

namespace PaperBot.Slack.Tests.Http;

/// <summary>HTTP mode end to end: signed requests to the real endpoints, the real command layer and a LiteDB file.</summary>
public sealed class HttpModeTests : IAsyncLifetime
{
    private static readonly ChannelRef General = new("slack", SlackPayloads.General);
    private static readonly UserRef Alice = new("slack", SlackPayloads.Alice);

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

    private async Task<JsonElement> CommandAsync(string text, string user = SlackPayloads.Alice)
    {
        using var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm(text, _bot.NextTrigger(), _slack.ResponseUrl("cmd"), user: user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }


    [Fact]
    public async Task Commands_EverySubcommand_AnswersThroughTheSharedCommandLayer()
    {
        var help = await CommandAsync("");
        Assert.Equal("ephemeral", help.GetProperty("response_type").GetString());
        Assert.Contains("/papers subscribe", AllText(help), StringComparison.Ordinal);
        Assert.Contains("help", AllText(await CommandAsync("help")), StringComparison.Ordinal);
        Assert.Contains("I don't know the command", AllText(await CommandAsync("frobnicate")), StringComparison.Ordinal);

        var subscribe = await CommandAsync("subscribe \"long context\" OR rope");
        Assert.Equal("ephemeral", subscribe.GetProperty("response_type").GetString());
        Assert.Contains("Subscribed this channel to", AllText(subscribe), StringComparison.Ordinal);
        var subscription = Assert.Single(_bot.Store.SubscriptionsOf(General));
        Assert.Equal("\"long context\" OR rope", subscription.Query);
        Assert.Equal("slack:U0ALICE", subscription.CreatedBy);

        Assert.Contains($"#{subscription.Id}", AllText(await CommandAsync("subscriptions")), StringComparison.Ordinal);
        Assert.Contains("Unsubscribed", AllText(await CommandAsync($"unsubscribe {subscription.Id}")), StringComparison.Ordinal);
        Assert.Empty(_bot.Store.SubscriptionsOf(General));

        await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "Agents that plan", upvotes: 9), SlackPayloads.General);
        var today = await CommandAsync("today");
        Assert.Equal("in_channel", today.GetProperty("response_type").GetString());
        Assert.Contains("Agents that plan", AllText(today), StringComparison.Ordinal);

        Assert.Contains("Saved", AllText(await CommandAsync("save arXiv:2509.04664v2")), StringComparison.Ordinal);
        Assert.Single(_bot.Store.ListSaved(Alice));
        var saved = await CommandAsync("saved");
        Assert.Equal("ephemeral", saved.GetProperty("response_type").GetString());
        Assert.Contains("2509.04664", AllText(saved), StringComparison.Ordinal);
        await CommandTour.SearchExportPauseResumeUnsaveAsync(c => CommandAsync(c), _bot, _slack);
    }

    [Fact]
    public async Task Commands_CurlyQuotedText_ReachesTheQueryAsTyped()
    {
        await CommandAsync("subscribe \u201Cworld model\u201D OR robots");

        Assert.Equal("\"world model\" OR robots", Assert.Single(_bot.Store.SubscriptionsOf(General)).Query);
    }

    [Theory]
    [InlineData("subscribe a &lt;b&gt; &amp;amp;", "subscribe a <b> &amp;")]
    [InlineData("subscribe \u201Cx y\u201D", "subscribe \"x y\"")]
    public void CommandText_SlackEscapes_AreUndone(string sent, string meant) =>
        Assert.Equal(meant, Slack.Inbound.SlackCommandRunner.CommandTextOf(sent));

    [Fact]
    public async Task Commands_SlowCommand_IsAcknowledgedEmptyThenAnsweredThroughResponseUrl()
    {
        var request = _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("slow", _bot.NextTrigger(), _slack.ResponseUrl("slow")));
        await _bot.Time.WaitForTimerAsync(Slack.Inbound.SlackCommandRunner.AckBudget);
        _bot.Time.Advance(Slack.Inbound.SlackCommandRunner.AckBudget);
        using var response = await request.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        _bot.Gate.Release.SetResult();
        await _slack.WaitForCallsAsync("response/slow", 1);
        var answer = Assert.Single(_slack.CallsTo("response/slow")).Json;
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Equal("slow work done", answer.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Commands_UnsignedForgedOrStale_Get401AndTouchNothing()
    {
        var body = SlackPayloads.CommandForm("subscribe agents", _bot.NextTrigger(), _slack.ResponseUrl("x"));
        var now = _bot.Time.GetUtcNow();

        using var unsigned = await _bot.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", null, null);
        using var forged = await _bot.PostSignedAsync("/slack/commands", body, secret: "not-the-signing-secret");
        using var stale = await _bot.PostSignedAsync("/slack/commands", body, signedAt: now.AddMinutes(-6));
        using var future = await _bot.PostSignedAsync("/slack/commands", body, signedAt: now.AddMinutes(6));
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Slack.Http.SlackSignatureVerifier.Sign(SlackBotHost.SigningSecret, timestamp, System.Text.Encoding.UTF8.GetBytes(body));
        using var tampered = await _bot.PostAsync("/slack/commands", body.Replace("agents", "robots", StringComparison.Ordinal), "application/x-www-form-urlencoded", timestamp, signature);

        Assert.All(new[] { unsigned, forged, stale, future, tampered }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(_bot.Store.SubscriptionsOf(General));
        Assert.Empty(_slack.Calls);
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Text.Contains(SlackBotHost.SigningSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactivity")]
    public async Task OtherEndpoints_Unsigned_Get401(string path)
    {
        using var response = await _bot.PostAsync(path, "{}", "application/json", null, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Endpoints_SignedButMalformed_Get400AndTouchNothing()
    {
        using var noChannel = await _bot.PostSignedAsync("/slack/commands", "text=subscribe%20agents&user_id=U0ALICE");
        using var badJson = await _bot.PostSignedAsync("/slack/events", "{not json", "application/json");
        using var noPayload = await _bot.PostSignedAsync("/slack/interactivity", "foo=bar");
        using var badPayload = await _bot.PostSignedAsync("/slack/interactivity", "payload=%7Bnope");

        Assert.All(new[] { noChannel, badJson, noPayload, badPayload }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty(_bot.Store.SubscriptionsOf(General));
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesTheChallenge()
    {
        using var response = await _bot.PostSignedAsync("/slack/events",
            """{"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Events_SaveReactionAddedThenRemoved_SavesThenUnsavesForTheReactingUser()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);

        await PostEventAsync(SlackPayloads.Reaction("reaction_added", "Ev1", SlackPayloads.Alice, SlackPayloads.General, ts));
        Assert.Equal("2509.04664", Assert.Single(_bot.Store.ListSaved(Alice)).ArxivId);

        await PostEventAsync(SlackPayloads.Reaction("reaction_removed", "Ev2", SlackPayloads.Alice, SlackPayloads.General, ts));
        Assert.Empty(_bot.Store.ListSaved(Alice));
    }

    [Fact]
    public async Task Events_RetriedEvent_IsAppliedOnce()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);
        var added = SlackPayloads.Reaction("reaction_added", "EvAdd", SlackPayloads.Alice, SlackPayloads.General, ts);

        await PostEventAsync(added);
        await PostEventAsync(SlackPayloads.Reaction("reaction_removed", "EvRemove", SlackPayloads.Alice, SlackPayloads.General, ts));
        await PostEventAsync(added);

        // Applied again, the retry would have saved the paper after its removal.
        Assert.Empty(_bot.Store.ListSaved(Alice));
    }

    [Fact]
    public async Task Events_OtherReactionsTheBotsOwnAndForeignMessages_SaveNothing()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);

        await PostEventAsync(SlackPayloads.Reaction("reaction_added", "E1", SlackPayloads.Alice, SlackPayloads.General, ts, reaction: "tada"));
        await PostEventAsync(SlackPayloads.Reaction("reaction_added", "E2", FakeSlack.BotUserId, SlackPayloads.General, ts, itemUser: null));
        await PostEventAsync(SlackPayloads.Reaction("reaction_added", "E3", SlackPayloads.Alice, SlackPayloads.General, "1700000000.000001"));

        Assert.Empty(_bot.Store.ListSaved(Alice));
        Assert.Empty(_bot.Store.ListSaved(new UserRef("slack", FakeSlack.BotUserId)));
    }

    [Fact]
    public async Task Events_BotInvitedToAPausedChannel_ResumesPosting()
    {
        _bot.Store.SetPaused(General, "PaperBot is not a member of this channel.", _bot.Time.GetUtcNow());

        await PostEventAsync($$$"""{"type":"event_callback","event_id":"EvJoin","event":{"type":"member_joined_channel","user":"{{{FakeSlack.BotUserId}}}","channel":"{{{SlackPayloads.General}}}","channel_type":"C"}}""");

        Assert.Null(_bot.Store.FindChannel(General)?.PausedReason);
    }

    [Fact]
    public async Task Interactivity_SaveButton_SavesForTheClickerAndConfirmsEphemerally()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "Agents that plan"), SlackPayloads.General);

        using var response = await _bot.PostSignedAsync("/slack/interactivity", SlackPayloads.InteractivityForm(
            SlackPayloads.SaveClick(SlackPayloads.Bob, SlackPayloads.General, ts, "2509.04664", "trig-save", _slack.ResponseUrl("save"))));

        // Acknowledged first; the save runs through the command gate and its confirmation follows.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _slack.WaitForCallsAsync("response/save", 1);
        Assert.Equal("2509.04664", Assert.Single(_bot.Store.ListSaved(new UserRef("slack", SlackPayloads.Bob))).ArxivId);
        Assert.Empty(_bot.Store.ListSaved(Alice));
        var confirmation = Assert.Single(_slack.CallsTo("response/save")).Json;
        Assert.Equal("ephemeral", confirmation.GetProperty("response_type").GetString());
        Assert.False(confirmation.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Saved", confirmation.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactivity_ResponseUrlOnAForeignHost_IsNotCalled()
    {
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "T"), SlackPayloads.General);

        await _bot.PostSignedAsync("/slack/interactivity", SlackPayloads.InteractivityForm(
            SlackPayloads.SaveClick(SlackPayloads.Alice, SlackPayloads.General, ts, "2509.04664", "trig-x", "http://169.254.169.254/latest/meta-data")));

        await _bot.Logs.Logged.WaitAsync(() => _bot.Logs.Lines.Any(l => l.Text.Contains("169.254.169.254", StringComparison.Ordinal)), "the refusal to be logged");
        Assert.Single(_bot.Store.ListSaved(Alice));
    }

    private async Task PostEventAsync(string json)
    {
        using var response = await _bot.PostSignedAsync("/slack/events", json, "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
