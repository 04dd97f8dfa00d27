namespace PaperBot.Slack.Api;

/// <summary>
/// A <c>response_url</c> comes inside a request and an <c>upload_url</c> inside an API answer; PaperBot only sends to
/// one on Slack's own hosts (or the configured API host, for tests and proxies), so a crafted payload cannot make it
/// send requests, or a user's export, elsewhere.
/// </summary>
internal static class SlackUrlPolicy
{
    public static bool TryGet(string? url, string apiBaseUrl, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var candidate))
        {
            return false;
        }

        var slackHost = candidate.Scheme == Uri.UriSchemeHttps
            && (candidate.Host.Equals("slack.com", StringComparison.OrdinalIgnoreCase) || candidate.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase));
        var apiHost = Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var api)
            && Uri.Compare(candidate, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        if (!slackHost && !apiHost)
        {
            return false;
        }

        uri = candidate;
        return true;
    }
}
