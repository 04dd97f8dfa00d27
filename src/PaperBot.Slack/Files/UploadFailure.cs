using PaperBot.Slack.Api;

namespace PaperBot.Slack.Files;

/// <summary>
/// Which step of an upload failed and why: Slack's error code (and, for <c>missing_scope</c>, the scope it needed) or
/// a transport problem. Never holds a token or the upload URL.
/// </summary>
internal sealed record UploadFailure(UploadStep Step, string Error, string? NeededScope = null, bool IsSlackError = false, bool RateLimited = false)
{
    public static UploadFailure Of(UploadStep step, SlackCallResult result) =>
        new(step, result.Error ?? "an answer without the expected fields", result.Response?.Needed, result.IsSlackError, result.RateLimited);
}
