using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Slack.Api;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.Inbound;

/// <summary>
/// Answers that go out after the acknowledgement, through the request's <c>response_url</c>. Runs them in the
/// background, logs failures, and lets shutdown wait for the ones still running.
/// </summary>
internal sealed class FollowUps(SlackApiClient api, BackgroundReplies replies, IOptions<SlackOptions> options, ILogger<FollowUps> logger)
{
    /// <summary>Posts <paramref name="reply"/> (once it is ready, unless it is null: nothing to say) to <paramref name="responseUrl"/>.</summary>
    public void Send(string kind, string? responseUrl, Task<SlackMessage?> reply) => replies.Track(SendAsync(kind, responseUrl, reply));

    /// <summary>Waits (up to <paramref name="timeout"/>) for answers still being sent.</summary>
    public Task DrainAsync(TimeSpan timeout) => replies.DrainAsync(timeout);

    private async Task SendAsync(string kind, string? responseUrl, Task<SlackMessage?> reply)
    {
        try
        {
            if (await reply.ConfigureAwait(false) is not { } message)
            {
                return;
            }

            if (!SlackUrlPolicy.TryGet(responseUrl, options.Value.ApiBaseUrl, out var uri))
            {
                Log.ForeignResponseUrl(logger, Uri.TryCreate(responseUrl, UriKind.Absolute, out var u) ? u.Host : "(none)");
                return;
            }

            var result = await api.RespondAsync(uri, message, replies.Abandoned).ConfigureAwait(false);
            if (!result.Ok)
            {
                Log.FollowUpFailed(logger, kind, result.Error ?? "unknown");
            }
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, ex, kind);
        }
    }
}
