namespace PaperBot.Slack.Api;

/// <summary>
/// The outcome of one Web API call: Slack's answer, or why there is none. <see cref="Error"/> is Slack's error code
/// (<c>not_in_channel</c>...) or a description of a transport failure; it never holds a token.
/// </summary>
internal sealed record SlackCallResult(SlackApiResponse? Response, int? StatusCode, string? Error, TimeSpan? RetryAfter)
{
    public bool Ok => Response?.Ok == true;

    public bool RateLimited => StatusCode == 429 || Error == "ratelimited";

    /// <summary>True when Slack itself answered with an error code (as opposed to a network or server failure).</summary>
    public bool IsSlackError => Response is { Ok: false };
}
