namespace PaperBot.Slack.Inbound;

/// <summary>
/// A <c>response_url</c> comes inside the request; PaperBot only posts to one on Slack's own hosts (or the configured
/// API host, for tests and proxies), so a crafted payload cannot make it send requests elsewhere.
/// </summary>
internal static class ResponseUrlPolicy
{
    public static bool TryGet(string? responseUrl, string apiBaseUrl, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var candidate))
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
