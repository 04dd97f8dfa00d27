using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core;
using PaperBot.Core.Listing;
using PaperBot.Core.Publishing;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Slack.Tests.Configuration;

public sealed class SlackRegistrationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static void AddBot(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection([
            KeyValuePair.Create("Storage:Path", (string?)Path.Combine(Path.GetTempPath(), "paperbot-slack-tests", Guid.NewGuid().ToString("N"), "bot.db")),
        ]);
        builder.Services.AddSingleton<IListingSource>(new ScriptedListingSource());
        builder.Services.AddPaperBotStorage(builder.Configuration).AddPaperBotCore().AddSlackAdapter(builder.Configuration);
    }

    [Fact]
    public void AddSlackAdapter_NoSlackSection_AddsNothing()
    {
        var services = new ServiceCollection();
        services.AddSlackAdapter(Config(("Slack:SaveReaction", "bookmark")));

        Assert.Empty(services);
    }

    [Fact]
    public void AddSlackAdapter_WithBotToken_RegistersTheSlackPublisher()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSlackAdapter(Config(("Slack:BotToken", "xoxb-1-2-3"), ("Slack:AppToken", "xapp-1-2-3")));
        using var provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetServices<IChannelPublisher>(), p => p.Platform == "slack");
    }

    [Fact]
    public async Task Start_XoxbTokenInAppToken_FailsNamingTheKeyWithoutEchoingTheToken()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([
            KeyValuePair.Create("Slack:BotToken", (string?)"xoxb-fakebot1"),
            KeyValuePair.Create("Slack:AppToken", (string?)"xoxb-misplaced"),
        ]);
        AddBot(builder);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Slack:AppToken holds a bot token", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AppTokenWithoutBotToken_FailsAskingForTheBotToken()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("Slack:AppToken", (string?)"xapp-1-2-3")]);
        AddBot(builder);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Slack:BotToken is empty", StringComparison.Ordinal));
    }
}
