using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Completes deferred command answers by editing the original response once the command is done. A private
/// answer to a deferral that started public replaces it with an ephemeral follow-up, so nobody else sees it.
/// </summary>
internal sealed class DeferredReplies(
    DiscordRestClient rest,
    ResultRenderer renderer,
    IOptions<DiscordOptions> options,
    BackgroundReplies replies,
    ILogger<DeferredReplies> logger)
{
    /// <summary>Commands outlive their HTTP request; at shutdown they are waited for, and given up only when the wait is over.</summary>
    public CancellationToken Stopping => replies.Abandoned;

    /// <summary>Completes when every deferred answer started so far has been sent (or has failed).</summary>
    public Task DrainAsync() => replies.DrainAsync(Timeout.InfiniteTimeSpan);

    public void Start(string token, string subcommand, Task<CommandResult> run, bool ephemeralDeferral) =>
        replies.Track(CompleteAsync(token, subcommand, run, ephemeralDeferral));

    private async Task CompleteAsync(string token, string subcommand, Task<CommandResult> run, bool ephemeralDeferral)
    {
        try
        {
            var result = await run.ConfigureAwait(false);
            var payload = renderer.Render(result);
            var applicationId = options.Value.ApplicationId!;
            RestResponse response;
            if (result is FileResult file)
            {
                response = await rest.SendWithFileAsync(DiscordRoutes.EditOriginal(applicationId, token), payload with { Flags = null },
                    file.FileName, file.MediaType, file.Content, Stopping).ConfigureAwait(false);
            }
            else if (result.Private && !ephemeralDeferral)
            {
                await rest.SendAsync(DiscordRoutes.DeleteOriginal(applicationId, token), Stopping).ConfigureAwait(false);
                response = await rest.SendAsync(DiscordRoutes.CreateFollowup(applicationId, token), payload, DiscordJsonContext.Default.MessagePayload, Stopping)
                    .ConfigureAwait(false);
            }
            else
            {
                // An edit keeps the deferral's visibility; flags cannot change it.
                response = await rest.SendAsync(DiscordRoutes.EditOriginal(applicationId, token), payload with { Flags = null },
                    DiscordJsonContext.Default.MessagePayload, Stopping).ConfigureAwait(false);
            }

            if (!response.IsSuccess)
            {
                Log.DeferredAnswerFailed(logger, subcommand, response.ErrorText);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Log.DeferredAnswerFailed(logger, subcommand, ex.Message);
        }
        catch (Exception ex)
        {
            Log.DeferredAnswerCrashed(logger, ex, subcommand);
        }
    }
}
