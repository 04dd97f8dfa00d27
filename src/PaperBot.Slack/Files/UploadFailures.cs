using PaperBot.Core.Commands;
using PaperBot.Slack.Blocks;

namespace PaperBot.Slack.Files;

/// <summary>
/// Turns a failed upload into the caller's ephemeral reply: what failed and how to fix it, then the export inline
/// (the same code block PaperBot showed before uploads), so the caller still gets the list now.
/// </summary>
internal static class UploadFailures
{
    public const string ScopeAdvice =
        "Whoever runs PaperBot should add the bot scopes files:write and im:write under OAuth & Permissions " +
        "(deploy/slack-app-manifest.yaml lists them) and reinstall the app to the workspace.";

    public static SlackMessage Reply(FileResult file, string problem)
    {
        var warning = $":warning: Could not send you `{Mrkdwn.Escape(file.FileName)}` as a file: {Mrkdwn.Escape(problem)}\nHere it is inline instead:";
        var inline = ResultRenderer.Render(file);
        return new SlackMessage(
            Mrkdwn.Fit($"Could not send you {file.FileName} as a file: {problem}", BlockLimits.FallbackText),
            [new SectionBlock(SlackText.Markdown(Mrkdwn.Fit(warning, BlockLimits.SectionText))), .. inline.Blocks])
        {
            ResponseType = "ephemeral",
        };
    }

    /// <summary>What went wrong, in words a user can pass on to the operator.</summary>
    public static string Describe(UploadFailure failure) => failure.Error switch
    {
        "missing_scope" =>
            $"Slack says PaperBot's app lacks the {ScopeOf(failure)} scope, which {Method(failure.Step)} needs. {ScopeAdvice}",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            $"Slack refuses PaperBot's bot token ({failure.Error}) while {Action(failure.Step)}. Whoever runs PaperBot should reinstall the app and update Slack:BotToken.",
        "file_uploads_disabled" or "file_uploads_except_images_disabled" or "file_type_not_allowed" or "file_upload_size_restricted" =>
            $"this workspace does not let apps upload this file ({failure.Error}).",
        _ when failure.RateLimited => $"Slack is rate-limiting PaperBot while {Action(failure.Step)}; please try again in a minute.",
        _ when failure.IsSlackError => $"Slack refused {Method(failure.Step)} ({failure.Error}) while {Action(failure.Step)}.",
        _ => $"{Action(failure.Step)} failed ({failure.Error}).",
    };

    /// <summary>The scope Slack said was missing, or the one the failed step needs.</summary>
    public static string ScopeOf(UploadFailure failure) =>
        failure.NeededScope ?? (failure.Step == UploadStep.OpenDirectMessage ? "im:write" : "files:write");

    private static string Method(UploadStep step) => step switch
    {
        UploadStep.OpenDirectMessage => "conversations.open",
        UploadStep.ReserveUpload => "files.getUploadURLExternal",
        UploadStep.UploadBytes => "the upload",
        _ => "files.completeUploadExternal",
    };

    private static string Action(UploadStep step) => step switch
    {
        UploadStep.OpenDirectMessage => "opening a direct message with you",
        UploadStep.ReserveUpload => "reserving the upload",
        UploadStep.UploadBytes => "uploading the file",
        _ => "sharing the file in your direct messages",
    };
}
