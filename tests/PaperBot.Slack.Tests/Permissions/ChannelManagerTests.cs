using System.Net;
using System.Text.Json;
using PaperBot.Core.Channels;
using PaperBot.Slack.Permissions;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests.Permissions;

/// <summary>
/// Who may subscribe, unsubscribe, pause and resume a Slack channel, through the real HTTP endpoint, with users.info
/// and conversations.info answered by the fake Slack's directory.
/// </summary>
public sealed class ChannelManagerTests : IAsyncLifetime
{
    private const string Carol = "U0CAROL";
    private static readonly ChannelRef General = new("slack", SlackPayloads.General);

    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _slack.DisposeAsync();
    }

    private async Task StartAsync(IDictionary<string, string?>? settings = null) => _bot = await SlackBotHost.StartAsync(_slack, settings: settings);

    private async Task<JsonElement> CommandAsync(string text, string user, string channel = SlackPayloads.General)
    {
        using var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm(text, _bot.NextTrigger(), _slack.ResponseUrl("cmd"), channel, user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Every string in the reply, decoded, one per line.</summary>
    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => Text(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(Text)),
        _ => "",
    };

    [Fact]
    public async Task PlainMember_ChangingTheChannel_GetsAPrivateRefusalSayingWhoCan_AndNothingChanges()
    {
        await StartAsync();
        _bot.Store.AddSubscription(General, "robots", "slack:U0ALICE", _bot.Time.GetUtcNow());

        foreach (var command in new[] { "subscribe agents", "unsubscribe all", "pause", "resume" })
        {
            var reply = await CommandAsync(command, SlackPayloads.Bob);
            Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
            Assert.Contains("only members who can manage this channel", Text(reply), StringComparison.Ordinal);
            Assert.Contains("workspace admins and owners and whoever created this channel", Text(reply), StringComparison.Ordinal);
        }

        Assert.Equal("robots", Assert.Single(_bot.Store.SubscriptionsOf(General)).Query);
        Assert.Null(_bot.Store.FindChannel(General)?.PausedReason);
    }

    [Theory]
    [InlineData("is_admin")]
    [InlineData("is_owner")]
    [InlineData("is_primary_owner")]
    public async Task WorkspaceAdminOrOwner_MayChangeAnyChannel(string role)
    {
        await StartAsync();
        _slack.Directory.SetRole(Carol, role);

        Assert.Contains("Subscribed this channel to agents", Text(await CommandAsync("subscribe agents", Carol)), StringComparison.Ordinal);
        Assert.Contains("Paused", Text(await CommandAsync("pause", Carol)), StringComparison.Ordinal);

        Assert.Single(_bot.Store.SubscriptionsOf(General));
        Assert.Equal(Carol, Assert.Single(_slack.CallsTo("users.info").Select(c => c.Form["user"]).Distinct()));
    }

    [Fact]
    public async Task ChannelCreator_MayChangeTheirChannel_ButNotAnother()
    {
        await StartAsync();
        _slack.Directory.SetCreator("C0BOBS", SlackPayloads.Bob);

        Assert.Contains("Subscribed this channel to agents", Text(await CommandAsync("subscribe agents", SlackPayloads.Bob, "C0BOBS")), StringComparison.Ordinal);
        Assert.Contains("only members who can manage", Text(await CommandAsync("subscribe agents", SlackPayloads.Bob)), StringComparison.Ordinal);

        Assert.Single(_bot.Store.SubscriptionsOf(new ChannelRef("slack", "C0BOBS")));
        Assert.Empty(_bot.Store.SubscriptionsOf(General));
    }

    [Fact]
    public async Task DirectMessageWithTheBot_TheUserMayManageIt()
    {
        await StartAsync();

        Assert.Contains("Subscribed this channel to agents", Text(await CommandAsync("subscribe agents", SlackPayloads.Bob, "D0BOBDM")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredManager_MayChangeEveryChannel_WithoutAskingSlack()
    {
        await StartAsync(new Dictionary<string, string?> { ["Slack:ManagerUserIds"] = "U0OTHER, U0BOB" });

        var reply = await CommandAsync("subscribe agents", SlackPayloads.Bob);

        Assert.Contains("Subscribed this channel to agents", Text(reply), StringComparison.Ordinal);
        Assert.Empty(_slack.CallsTo("users.info"));
        Assert.Empty(_slack.CallsTo("conversations.info"));
        var refused = await CommandAsync("pause", Carol);
        Assert.Contains("and the managers PaperBot's operator named", Text(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyoneCanManage_LetsEveryMemberChangeTheChannel()
    {
        await StartAsync(new Dictionary<string, string?> { ["Slack:AnyoneCanManage"] = "true" });

        Assert.Contains("Subscribed", Text(await CommandAsync("subscribe agents", SlackPayloads.Bob)), StringComparison.Ordinal);
        Assert.Contains("Paused", Text(await CommandAsync("pause", Carol)), StringComparison.Ordinal);
        Assert.Empty(_slack.CallsTo("users.info"));
    }

    [Fact]
    public async Task CommandsThatChangeNothing_DoNotAskSlackWhoManages()
    {
        await StartAsync();

        await CommandAsync("today", SlackPayloads.Bob);
        await CommandAsync("subscriptions", SlackPayloads.Bob);
        await CommandAsync("help", SlackPayloads.Bob);

        Assert.Empty(_slack.CallsTo("users.info"));
        Assert.Empty(_slack.CallsTo("conversations.info"));
    }

    [Fact]
    public async Task Answers_AreCachedForAWhile_ThenAskedAgain()
    {
        await StartAsync();

        await CommandAsync("subscribe agents", SlackPayloads.Bob);
        await CommandAsync("pause", SlackPayloads.Bob);
        Assert.Single(_slack.CallsTo("users.info"));
        Assert.Single(_slack.CallsTo("conversations.info"));

        // Bob is made an admin; PaperBot notices once its cached answer is stale.
        _slack.Directory.SetRole(SlackPayloads.Bob, "is_admin");
        Assert.Contains("only members who can manage", Text(await CommandAsync("pause", SlackPayloads.Bob)), StringComparison.Ordinal);
        _bot.Time.Advance(SlackDirectory.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Contains("Paused", Text(await CommandAsync("pause", SlackPayloads.Bob)), StringComparison.Ordinal);
        Assert.Equal(2, _slack.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task RateLimited_LongRetryAfter_AnswersWhenToTryAgain_AndDoesNotCallAgainUntilItPassed()
    {
        await StartAsync();
        _slack.Enqueue("users.info", FakeSlackReply.RateLimited(30));

        var first = await CommandAsync("subscribe agents", SlackPayloads.Bob);
        var second = await CommandAsync("subscribe agents", SlackPayloads.Bob);

        Assert.Equal("ephemeral", first.GetProperty("response_type").GetString());
        Assert.Contains("could not check whether you may change this channel", Text(first), StringComparison.Ordinal);
        Assert.Contains("try again in 30 seconds", Text(first), StringComparison.Ordinal);
        Assert.Contains("Slack is limiting how often", Text(second), StringComparison.Ordinal);
        Assert.Single(_slack.CallsTo("users.info"));
        Assert.Empty(_bot.Store.SubscriptionsOf(General));

        _bot.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Contains("only members who can manage", Text(await CommandAsync("subscribe agents", SlackPayloads.Bob)), StringComparison.Ordinal);
        Assert.Equal(2, _slack.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task MissingScope_TellsTheUserAndTheOperatorWhatToAdd()
    {
        await StartAsync();
        _slack.Fail("users.info", new FakeSlackReply(200, """{"ok":false,"error":"missing_scope","needed":"users:read","provided":"commands,chat:write"}"""));

        var reply = await CommandAsync("subscribe agents", SlackPayloads.Bob);

        Assert.Contains("lacks the users:read scope", Text(reply), StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.Lines, l => l.Text.Contains("lacks the users:read scope", StringComparison.Ordinal));
        Assert.Empty(_bot.Store.SubscriptionsOf(General));
    }
}
