using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Slack.Configuration;
using PaperBot.Slack.Http;

namespace PaperBot.Slack.Tests.Http;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published worked example (docs: "Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackSignatureVerifier Verifier(DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = Secret }), new FakeTimeProvider(now));

    [Fact]
    public void Verify_SlacksPublishedExample_IsValid()
    {
        Assert.Equal(362, Encoding.UTF8.GetByteCount(Body));
        Assert.Equal(SignatureCheck.Valid, Verifier(SignedAt.AddSeconds(30)).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Sign_SlacksPublishedExample_GivesThePublishedSignature() =>
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_AtTheEdgeOfTheFiveMinuteWindow_IsValid(int offsetSeconds) =>
        Assert.Equal(SignatureCheck.Valid, Verifier(SignedAt.AddSeconds(offsetSeconds)).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86_400)]
    public void Verify_OutsideTheWindow_IsStale(int offsetSeconds) =>
        Assert.Equal(SignatureCheck.Stale, Verifier(SignedAt.AddSeconds(offsetSeconds)).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_BodyChangedByOneCharacter_IsForged() =>
        Assert.Equal(SignatureCheck.Forged, Verifier(SignedAt).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body.Replace("text=&", "text=x&", StringComparison.Ordinal))));

    [Fact]
    public void Verify_TimestampChanged_IsForged() =>
        Assert.Equal(SignatureCheck.Forged, Verifier(SignedAt).Verify("1531420619", Signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsForged()
    {
        var other = SlackSignatureVerifier.Sign("another-secret", Timestamp, Encoding.UTF8.GetBytes(Body));
        Assert.Equal(SignatureCheck.Forged, Verifier(SignedAt).Verify(Timestamp, other, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_UppercaseHex_IsForged() =>
        Assert.Equal(SignatureCheck.Forged, Verifier(SignedAt).Verify(Timestamp, "v0=" + Signature[3..].ToUpperInvariant(), Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", Signature)]
    [InlineData(Timestamp, "")]
    [InlineData("yesterday", Signature)]
    [InlineData("-1531420618", Signature)]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Timestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_MissingOrMalformedHeaders_IsUnsigned(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.Unsigned, Verifier(SignedAt).Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
}
