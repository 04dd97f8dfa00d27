using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Gateway;

/// <summary>Without <c>Discord:Gateway:Url</c> the address comes from <c>GET /gateway/bot</c>.</summary>
public sealed class GatewayAddressTests : GatewayTestBase
{
    internal override Dictionary<string, string?> Settings() => new() { ["Discord:Gateway:Enabled"] = "true", ["Discord:Gateway:Url"] = "" };

    [Fact]
    public async Task Connect_NoUrlConfigured_AsksGatewayBotWithToken()
    {
        var (connection, _) = await ConnectAsync();

        var ask = Assert.Single(Host.Fake.Rest.RequestsTo("GET", "/gateway/bot"));
        Assert.Equal("Bot " + FakeDiscord.Token, ask.Header("Authorization"));
        Assert.Equal("/gateway", connection.Path);
        await connection.ReceiveOpAsync(2);
    }
}
