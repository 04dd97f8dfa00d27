using System.Text.Json;

namespace PaperBot.Slack.Tests.Support;

/// <summary>One request the fake Slack received: a Web API method call or a response_url post.</summary>
public sealed record FakeSlackCall(string Method, string? Authorization, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
