using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Slack.Api;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.Files;

/// <summary>
/// Sends an export privately as a real file: opens a direct message with the caller, reserves an upload, POSTs the
/// bytes to the URL Slack hands out, then shares the file in that direct message with the summary as its comment.
/// Returns the slash command's ephemeral answer (where the file went, or what failed and how to fix it); never throws.
/// </summary>
internal sealed class SlackFileSender(SlackApiClient api, IOptions<SlackOptions> options, ILogger<SlackFileSender> logger)
{
    public async Task<SlackMessage> SendAsync(FileResult file, string userId, CancellationToken cancellationToken)
    {
        UploadFailure? failure;
        try
        {
            failure = await UploadAsync(file, userId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.HandlerFailed(logger, ex, "file upload");
            return UploadFailures.Reply(file, "it failed on PaperBot's side; whoever runs PaperBot will find the details in its log.");
        }

        if (failure is null)
        {
            Log.ExportSent(logger, file.FileName, file.Content.Length, userId);
            var text = $"Sent you {file.FileName} in a direct message.";
            return new SlackMessage(text, [new SectionBlock(SlackText.Markdown(
                $":incoming_envelope: Sent you `{Mrkdwn.EscapeAndCut(file.FileName, 500)}` in a direct message.\n{Mrkdwn.EscapeAndCut(file.Summary, 2000)}"))])
            {
                ResponseType = "ephemeral",
            };
        }

        var problem = UploadFailures.Describe(failure);
        if (failure.Error == "missing_scope")
        {
            Log.ExportScopeMissing(logger, UploadFailures.ScopeOf(failure), failure.Step.ToString());
        }
        else
        {
            Log.ExportFailed(logger, failure.Step.ToString(), failure.Error, userId);
        }

        return UploadFailures.Reply(file, problem);
    }

    private async Task<UploadFailure?> UploadAsync(FileResult file, string userId, CancellationToken cancellationToken)
    {
        var open = await api.OpenDirectMessageAsync(userId, cancellationToken).ConfigureAwait(false);
        if (open.Response?.OpenedChannelId is not { } directChannel || !open.Ok)
        {
            return UploadFailure.Of(UploadStep.OpenDirectMessage, open);
        }

        var reserve = await api.GetUploadUrlAsync(file.FileName, file.Content.Length, cancellationToken).ConfigureAwait(false);
        if (reserve.Response is not { Ok: true, UploadUrl: { } uploadUrl, FileId: { } fileId })
        {
            return UploadFailure.Of(UploadStep.ReserveUpload, reserve);
        }

        if (!SlackUrlPolicy.TryGet(uploadUrl, options.Value.ApiBaseUrl, out var uploadUri))
        {
            return new UploadFailure(UploadStep.UploadBytes, "Slack gave an upload address off its own hosts, so PaperBot did not send the file there");
        }

        var upload = await api.UploadAsync(uploadUri, file.Content, cancellationToken).ConfigureAwait(false);
        if (!upload.Ok)
        {
            return UploadFailure.Of(UploadStep.UploadBytes, upload);
        }

        var share = await api.CompleteUploadAsync(
            new FilesCompleteUploadRequest([new UploadedFile(fileId, file.FileName)], directChannel, file.Summary), cancellationToken).ConfigureAwait(false);
        return share.Ok ? null : UploadFailure.Of(UploadStep.ShareFile, share);
    }
}
