namespace PaperBot.Testing.Slack;

/// <summary>A scripted Web API answer: status, JSON body and headers (such as Retry-After).</summary>
public sealed record FakeSlackReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeSlackReply Error(string error) => new(200, $$"""{"ok":false,"error":"{{error}}"}""");

    public static FakeSlackReply RateLimited(int retryAfterSeconds) =>
        new(429, """{"ok":false,"error":"ratelimited"}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
