using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.Tests.Configuration;

public sealed class SlackOptionsValidatorTests
{
    private const string Bot = "xoxb-fakebot";
    private const string App = "xapp-fakeapp";

    private static IReadOnlyList<string> Failures(SlackOptions options) =>
        new SlackOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_SocketModeWithBothTokens_Passes() =>
        Assert.Empty(Failures(new SlackOptions { BotToken = Bot, AppToken = App }));

    [Fact]
    public void Validate_HttpModeWithSigningSecret_Passes() =>
        Assert.Empty(Failures(new SlackOptions { BotToken = Bot, SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5" }));

    [Fact]
    public void Validate_BotTokenInAppToken_NamesTheKeyAndSaysWhatGoesThere()
    {
        var failure = Assert.Single(Failures(new SlackOptions { BotToken = Bot, AppToken = "xoxb-fakeother" }));
        Assert.Contains("Slack:AppToken holds a bot token (xoxb-...)", failure, StringComparison.Ordinal);
        Assert.Contains("xapp-", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secretvalue", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppTokenInBotToken_NamesTheKey()
    {
        var failures = Failures(new SlackOptions { BotToken = App, SigningSecret = "s" });
        Assert.Contains(failures, f => f.StartsWith("Slack:BotToken holds an app-level token", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("secretappvalue", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HttpModeWithoutSigningSecret_AsksForIt()
    {
        var failure = Assert.Single(Failures(new SlackOptions { BotToken = Bot }));
        Assert.StartsWith("Slack:SigningSecret is required in HTTP mode", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SocketModeForcedWithoutAppToken_AsksForIt()
    {
        var failures = Failures(new SlackOptions { BotToken = Bot, SigningSecret = "s", Mode = SlackMode.Socket });
        Assert.Contains(failures, f => f.StartsWith("Slack:Mode is Socket but Slack:AppToken is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoBotTokenButOtherKeys_SaysTheBotTokenIsMissing() =>
        Assert.Contains(Failures(new SlackOptions { AppToken = App }), f => f.StartsWith("Slack:BotToken is empty", StringComparison.Ordinal));

    [Theory]
    [InlineData(":bookmark:")]
    [InlineData("Bookmark")]
    [InlineData("")]
    [InlineData("two words")]
    public void Validate_BadSaveReaction_NamesTheKey(string reaction) =>
        Assert.Contains(Failures(new SlackOptions { BotToken = Bot, AppToken = App, SaveReaction = reaction }),
            f => f.StartsWith("Slack:SaveReaction must be an emoji name without colons", StringComparison.Ordinal));

    [Theory]
    [InlineData("slack.com/api")]
    [InlineData("ftp://slack.com/api")]
    [InlineData("")]
    public void Validate_BadApiBaseUrl_NamesTheKey(string url) =>
        Assert.Contains(Failures(new SlackOptions { BotToken = Bot, AppToken = App, ApiBaseUrl = url }),
            f => f.StartsWith("Slack:ApiBaseUrl must be an absolute http(s) URL", StringComparison.Ordinal));

    [Fact]
    public void EffectiveMode_AppTokenPresent_IsSocketMode()
    {
        Assert.Equal(SlackMode.Socket, new SlackOptions { BotToken = Bot, AppToken = App, SigningSecret = "s" }.EffectiveMode);
        Assert.Equal(SlackMode.Http, new SlackOptions { BotToken = Bot, SigningSecret = "s" }.EffectiveMode);
        Assert.Equal(SlackMode.Http, new SlackOptions { BotToken = Bot, AppToken = App, SigningSecret = "s", Mode = SlackMode.Http }.EffectiveMode);
    }

    [Fact]
    public void Validate_ManagerUserIdsThatAreNotUserIds_NamesTheKeyAndTheBadEntry()
    {
        var failure = Assert.Single(Failures(new SlackOptions { BotToken = Bot, AppToken = App, ManagerUserIds = "U0ALICE, @bob" }));
        Assert.StartsWith("Slack:ManagerUserIds must list Slack user ids", failure, StringComparison.Ordinal);
        Assert.Contains("@bob", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManagerUserIdsCommaSeparated_Passes() =>
        Assert.Empty(Failures(new SlackOptions { BotToken = Bot, AppToken = App, ManagerUserIds = "U0ALICE,W0BOB U0CAROL" }));
}
