using System.Net;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Rest;

/// <summary>
/// Posts new papers to Discord channels: one embed message with buttons, created with a nonce derived from the
/// delivery so a retry cannot post twice; the bot's own save reaction, a one-click hint, follows in the rate limit's
/// spare capacity (<see cref="SaveHints"/>).
/// </summary>
internal sealed class DiscordPublisher(
    DiscordRestClient rest,
    RateLimiter limiter,
    PaperMessageBuilder builder,
    DigestMessageBuilder digests,
    SaveHints hints) : IChannelPublisher
{
    public const int MaxNonceLength = 25;

    public string Platform => DiscordRoutes.Platform;

    public Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken) =>
        PostAsync(channel, builder.Build(post, NonceFor(deliveryId)), saveReaction: true, cancellationToken);

    /// <summary>Waits, holding nothing, until the channel's create-message bucket has room (the global limit is waited for when posting).</summary>
    public ValueTask WaitForTurnAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        Snowflake.IsValid(channel.Id)
            ? limiter.WaitUntilOpenAsync(DiscordRoutes.CreateMessage(channel.Id), cancellationToken)
            : ValueTask.CompletedTask;

    /// <summary>A digest lists several papers, so it gets a Save button per paper and no save reaction.</summary>
    public Task<PublishOutcome> PublishDigestAsync(ChannelRef channel, DigestPost digest, string deliveryId, CancellationToken cancellationToken) =>
        PostAsync(channel, digests.Build(digest, NonceFor(deliveryId)), saveReaction: false, cancellationToken);

    private async Task<PublishOutcome> PostAsync(ChannelRef channel, MessagePayload payload, bool saveReaction, CancellationToken cancellationToken)
    {
        if (!Snowflake.IsValid(channel.Id))
        {
            return new PublishOutcome.ChannelUnreachable($"\"{channel.Id}\" is not a Discord channel id.");
        }

        RestResponse response;
        try
        {
            response = await rest.SendAsync(DiscordRoutes.CreateMessage(channel.Id), payload, DiscordJsonContext.Default.MessagePayload, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return new PublishOutcome.Transient($"Discord could not be reached: {ex.Message}", InDoubt: true);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new PublishOutcome.Transient($"Discord did not answer in time: {ex.Message}", InDoubt: true);
        }

        var outcome = Classify(response);
        if (saveReaction && outcome is PublishOutcome.Sent sent)
        {
            hints.Enqueue(channel.Id, sent.MessageId);
        }

        return outcome;
    }

    /// <summary>At most 25 characters, the same for every attempt of one delivery.</summary>
    public static string NonceFor(string deliveryId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..MaxNonceLength];

    private static PublishOutcome Classify(RestResponse response)
    {
        if (response.IsSuccess)
        {
            return response.TryRead(DiscordJsonContext.Default.CreatedMessage) is { Id: { Length: > 0 } id }
                ? new PublishOutcome.Sent(id)
                : new PublishOutcome.Transient("Discord accepted the message but its answer has no message id");
        }

        return response.Status switch
        {
            HttpStatusCode.Unauthorized => new PublishOutcome.PlatformUnavailable(
                "Discord refused the bot token (401 Unauthorized): put a current token from the Developer Portal's Bot page in Discord:BotToken"),
            HttpStatusCode.Forbidden => new PublishOutcome.ChannelUnreachable(
                $"PaperBot is not allowed to post here (Discord said {response.ErrorText}). Give the bot View Channel, Send Messages, Embed Links and Add Reactions in this channel."),
            HttpStatusCode.NotFound => new PublishOutcome.ChannelUnreachable(
                $"Discord says this channel does not exist or PaperBot cannot see it ({response.ErrorText}). Invite the bot again or give it View Channel."),
            HttpStatusCode.TooManyRequests => new PublishOutcome.Transient("Discord rate limit", response.RetryAfter),
            _ => new PublishOutcome.Transient($"Discord answered {(int)response.Status}: {response.ErrorText}"),
        };
    }
}
