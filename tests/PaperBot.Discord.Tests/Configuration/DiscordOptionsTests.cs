using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Configuration;

public sealed class DiscordOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:PublicKey"] = TestKeys.Rfc1Public,
        ["Discord:BotToken"] = FakeDiscord.Token,
    };

    [Fact]
    public void AddDiscordAdapter_NoBotToken_AddsNothing()
    {
        var services = new ServiceCollection();
        var before = services.Count;

        services.AddDiscordAdapter(Configuration(new() { ["Discord:ApplicationId"] = "123", ["Discord:BotToken"] = "  " }));

        Assert.Equal(before, services.Count);
    }

    [Fact]
    public async Task Endpoint_AdapterOff_NotMapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDiscordAdapter(builder.Configuration);
        await using var app = builder.Build();
        app.MapDiscordEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.PostAsync("/discord/interactions", new StringContent("{\"type\":1}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(app.Services.GetServices<IChannelPublisher>());
        await app.StopAsync();
    }

    [Fact]
    public void Options_Defaults_AsDocumented()
    {
        var options = Resolve(Valid);

        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl);
        Assert.True(options.Gateway.Enabled);
        Assert.Null(options.Gateway.Url);
        Assert.Null(options.GuildId);
        Assert.Equal("🔖", options.SaveEmoji);
        Assert.Equal(TimeSpan.FromSeconds(1), options.DeferAfter);
    }

    [Theory]
    [InlineData("Discord:ApplicationId", "my-app", "Discord:ApplicationId must be your application's id")]
    [InlineData("Discord:PublicKey", "abc", "Discord:PublicKey must be your application's public key")]
    [InlineData("Discord:BotToken", "Bot abc def", "Discord:BotToken must be the bot's token")]
    [InlineData("Discord:ApiBaseUrl", "discord.com", "Discord:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Discord:GuildId", "my server", "Discord:GuildId must be a server id")]
    [InlineData("Discord:Gateway:Url", "http://gateway", "Discord:Gateway:Url must be a ws:// or wss:// URL")]
    [InlineData("Discord:SaveEmoji", ":bookmark:", "Discord:SaveEmoji must be one Unicode emoji")]
    [InlineData("Discord:DeferAfter", "00:00:05", "Discord:DeferAfter must be between 00:00:00 and 00:00:02")]
    public void Options_BadValue_FailsNamingTheKey(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Valid) { [key] = value };

        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("abc def", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_MissingIdAndKey_BothReported()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:BotToken"] = FakeDiscord.Token }));

        Assert.Contains(failure.Failures, f => f.StartsWith("Discord:ApplicationId", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Discord:PublicKey", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    private static DiscordOptions Resolve(Dictionary<string, string?> settings)
    {
        using var services = new ServiceCollection().AddDiscordAdapter(Configuration(settings)).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
