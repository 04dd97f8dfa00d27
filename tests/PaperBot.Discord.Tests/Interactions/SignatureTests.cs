using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Interactions;

public sealed class SignatureTests : IAsyncLifetime
{
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Verifier_Rfc8032Test1_AcceptsEmptyMessage()
    {
        var verifier = new InteractionVerifier(TestKeys.Rfc1Public, TimeProvider.System);

        Assert.True(verifier.Verify([], Convert.FromHexString(TestKeys.Rfc1Signature)));
    }

    [Fact]
    public void Verifier_Rfc8032Test2_AcceptsOneByteMessage()
    {
        var verifier = new InteractionVerifier(TestKeys.Rfc2Public, TimeProvider.System);

        Assert.True(verifier.Verify([0x72], Convert.FromHexString(TestKeys.Rfc2Signature)));
    }

    [Fact]
    public void Verifier_Rfc8032VectorsAltered_Refused()
    {
        var test2 = new InteractionVerifier(TestKeys.Rfc2Public, TimeProvider.System);
        var flipped = Convert.FromHexString(TestKeys.Rfc2Signature);
        flipped[10] ^= 0x01;

        Assert.False(test2.Verify([0x73], Convert.FromHexString(TestKeys.Rfc2Signature)));
        Assert.False(test2.Verify([0x72], flipped));
        Assert.False(test2.Verify([], Convert.FromHexString(TestKeys.Rfc1Signature)));
    }

    [Fact]
    public void TestKeys_Rfc8032Test1Seed_SignsLikeTheRfc()
    {
        using var keys = TestKeys.Application();

        Assert.Equal(TestKeys.Rfc1Public, keys.PublicKeyHex);
        Assert.Equal(TestKeys.Rfc1Signature, keys.Sign("", []));
    }

    [Fact]
    public async Task Ping_SignedByApplicationKey_AnswersPong()
    {
        using var response = await _host.PostInteractionAsync(InteractionJson.Ping());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!);
    }

    [Fact]
    public async Task Interaction_Unsigned_Refused401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(InteractionJson.Ping()) };

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Interaction_SignedByAnotherKey_Refused401()
    {
        using var forger = TestKeys.Other();

        using var response = await _host.PostInteractionAsync(InteractionJson.Ping(), forger);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Interaction_BodyChangedAfterSigning_Refused401()
    {
        var stamp = Now();
        var signature = _host.Keys.Sign(stamp, Encoding.UTF8.GetBytes(InteractionJson.Ping()));
        var tampered = InteractionJson.Command("subscribe", InteractionJson.Administrator, options: ("query", "agents"));

        using var response = await SendAsync(tampered, signature, stamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Store.SubscriptionsOf(new("discord", InteractionJson.ChannelId)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("e5564300c360ac729086e2cc806e828a")]
    [InlineData("not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-")]
    public async Task Interaction_MalformedSignatureHeader_Refused401(string signature)
    {
        using var response = await SendAsync(InteractionJson.Ping(), signature, Now());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1.5e9")]
    [InlineData("-1")]
    public async Task Interaction_TimestampNotUnixSeconds_Refused401(string stamp)
    {
        var signature = _host.Keys.Sign(stamp, Encoding.UTF8.GetBytes(InteractionJson.Ping()));

        using var response = await SendAsync(InteractionJson.Ping(), signature, stamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Interaction_StaleTimestampCorrectlySigned_Refused401()
    {
        var stale = _host.Time.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var response = await _host.PostInteractionAsync(InteractionJson.Ping(), timestamp: stale);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Interaction_SignedButNotJson_Answers400()
    {
        using var response = await _host.PostInteractionAsync("{\"type\": 2, \"data\": [oops");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Interaction_SignedUnknownTypeOrMissingFields_Answers400()
    {
        using var unknown = await _host.PostInteractionAsync("{\"type\": 42, \"id\": \"1\"}");
        using var noChannel = await _host.PostInteractionAsync("{\"type\": 2, \"id\": \"1\", \"token\": \"t\"}");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noChannel.StatusCode);
        Assert.Empty(_host.Fake.Rest.Requests);
    }

    private string Now() => _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> SendAsync(string body, string signature, string stamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", stamp);
        return _host.Http.SendAsync(request);
    }
}
